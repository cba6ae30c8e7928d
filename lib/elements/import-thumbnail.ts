import "server-only";
import { writeFile } from "node:fs/promises";
import { sniffImageType } from "@/lib/composer/sniff-media-type";
import { IMAGE_MAX_BYTES } from "@/lib/kling-contract/limits";
import { logWarning } from "@/lib/log";
import { resultDownloadPolicy } from "@/lib/security/result-hosts";
import { safeFetchBuffer } from "@/lib/security/safe-fetch";
import { commitAtomicWrite, discardFile, prepareAtomicWrite } from "@/lib/storage/media-store";

/** What a download answered: its status and the bytes it sent (capped by the fetcher). */
export type FetchedImage = { status: number; bytes: Buffer };
export type ImageFetcher = (url: string) => Promise<FetchedImage>;

const DOWNLOAD_TIMEOUT_MS = 15_000;
const EXTENSIONS = { "image/png": "png", "image/jpeg": "jpg" } as const;

/**
 * Kling's CDNs (and the configured API origin), like result videos: a forged link in a list
 * answer cannot make the server reach inside its own network (no private addresses, pinned
 * DNS, redirects checked hop by hop), and the body is capped at the reference image limit.
 */
export const downloadFromProvider: ImageFetcher = (url) =>
  safeFetchBuffer(url, {
    ...resultDownloadPolicy(),
    maxBytes: IMAGE_MAX_BYTES,
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
    maxRedirects: 3,
  });

/**
 * The front view of an imported element, copied into the studio's storage (Kling's links
 * expire and refuse hotlinking). Undefined when the answer had no http(s) link or the image
 * cannot be used (refused, too large, not a JPEG or PNG by its content): the element is
 * imported anyway and the library shows its placeholder. The file is written under a temp
 * name and renamed into place whole, before any row points at it.
 */
export async function saveImportedFrontView(
  url: string | undefined,
  elementRowId: string,
  fetchImage: ImageFetcher = downloadFromProvider,
): Promise<string | undefined> {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  let fetched: FetchedImage;
  try {
    fetched = await fetchImage(url);
  } catch (error) {
    return refuse(elementRowId, (error as Error).message);
  }
  if (fetched.status !== 200) return refuse(elementRowId, `HTTP ${fetched.status}`);
  if (fetched.bytes.length > IMAGE_MAX_BYTES) return refuse(elementRowId, "too large");
  const type = sniffImageType(fetched.bytes);
  if (!type) return refuse(elementRowId, "not a JPEG or PNG image");
  const relativePath = `elements/${elementRowId}-front.${EXTENSIONS[type]}`;
  const { finalPath, tempPath } = await prepareAtomicWrite(relativePath);
  try {
    await writeFile(tempPath, fetched.bytes);
    await commitAtomicWrite(tempPath, finalPath);
  } catch (error) {
    await discardFile(tempPath);
    return refuse(elementRowId, (error as Error).message);
  }
  return relativePath;
}

function refuse(elementRowId: string, why: string): undefined {
  logWarning("element import", `no thumbnail for ${elementRowId}: ${why}`);
  return undefined;
}
