import "server-only";
import { randomBytes } from "node:crypto";
import { open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { VIDEO_MAX_BYTES } from "@/lib/kling-contract/limits";
import { readImageHeader } from "@/lib/media/image-header";
import { probeVideo } from "@/lib/media/probe-video";
import { readCapped } from "@/lib/uploads/read-capped";
import { nearestAspect, type OutputAspect } from "@/lib/media/video-size";
import type { PictureSource, SimTask } from "./types";

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 5000;

/** Decodes a base64 `image_url` (bare or as a data: URL); undefined when it is a URL. */
export function decodeBase64Image(imageUrl: string): Buffer | undefined {
  if (/^https?:\/\//i.test(imageUrl)) return undefined;
  const bare = imageUrl.replace(/^data:[^,]*;base64,/i, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(bare)) return undefined;
  const bytes = Buffer.from(bare, "base64");
  return bytes.length > 0 && bytes.length <= MAX_IMAGE_BYTES ? bytes : undefined;
}

/**
 * The simulator fetches references only from this machine or from itself: it must not
 * become a way to make the server call arbitrary hosts (and tests have no network).
 */
export function isFetchableUrl(url: string, publicBaseUrl: string): boolean {
  try {
    const target = new URL(url);
    if (target.protocol !== "http:" && target.protocol !== "https:") return false;
    const host = target.hostname.replace(/^\[|\]$/g, "");
    if (["127.0.0.1", "localhost", "::1"].includes(host)) return true;
    return target.host === new URL(publicBaseUrl).host;
  } catch {
    return false;
  }
}

type LocalCopy = { path: string; cleanup: () => Promise<void> };

/**
 * Copies an allowed URL to a temp file, following no redirect (the first URL is the only
 * one checked, so a redirect could lead anywhere, `0.0.0.0` included) and stopping at
 * `maxBytes`. Undefined when anything is off.
 */
export async function fetchToTemp(
  url: string,
  publicBaseUrl: string,
  maxBytes: number,
): Promise<LocalCopy | undefined> {
  if (!isFetchableUrl(url, publicBaseUrl)) return undefined;
  const filePath = path.join(tmpdir(), `omni-sim-${randomBytes(8).toString("hex")}`);
  const cleanup = () => rm(filePath, { force: true });
  try {
    const response = await fetch(url, {
      redirect: "error",
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return undefined;
    }
    const file = await open(filePath, "wx", 0o600);
    let bytes: number;
    try {
      bytes = await readCapped(
        response.body,
        () => maxBytes,
        (chunk) => file.write(chunk),
      );
    } finally {
      await file.close();
    }
    if (bytes === 0) throw new Error("empty reference");
    return { path: filePath, cleanup };
  } catch {
    await cleanup();
    return undefined;
  }
}

/** A local copy of a picture (the task's first, or a shot's); `cleanup` removes a download. */
export async function localPicture(
  source: PictureSource | undefined,
  publicBaseUrl: string,
): Promise<LocalCopy | undefined> {
  if (!source) return undefined;
  if (source.kind === "file") return { path: source.path, cleanup: async () => {} };
  return fetchToTemp(source.url, publicBaseUrl, MAX_IMAGE_BYTES);
}

/**
 * The base video's length and frame when it can be read from here; undefined otherwise.
 * Fetched by us (no redirects, capped), then probed as a local MP4/MOV: ffprobe is never
 * given a URL, since it would follow redirects and open whatever a playlist names.
 */
export async function probeBaseVideo(
  task: SimTask,
  publicBaseUrl: string,
): Promise<{ durationSeconds: number; aspect: OutputAspect } | undefined> {
  if (!task.baseVideoUrl) return undefined;
  const copy = await fetchToTemp(task.baseVideoUrl, publicBaseUrl, VIDEO_MAX_BYTES);
  if (!copy) return undefined;
  try {
    const probe = await probeVideo(copy.path, { timeoutMs: 8000, maxBytes: VIDEO_MAX_BYTES });
    return {
      durationSeconds: probe.durationSeconds,
      aspect: nearestAspect(probe.width, probe.height),
    };
  } catch {
    return undefined;
  } finally {
    await copy.cleanup();
  }
}

/** The picture's frame from its header (PNG or JPEG only); nothing decodes it here. */
export async function aspectOfImage(filePath: string): Promise<OutputAspect | undefined> {
  try {
    const file = await open(filePath, "r");
    try {
      const size = (await file.stat()).size;
      if (size > MAX_IMAGE_BYTES) return undefined;
      const bytes = Buffer.alloc(size);
      await file.read(bytes, 0, size, 0);
      const header = readImageHeader(bytes);
      return header ? nearestAspect(header.width, header.height) : undefined;
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
}
