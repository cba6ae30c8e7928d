import "server-only";
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { probeImageSize, probeVideo } from "@/lib/media/probe-video";
import { nearestAspect, type OutputAspect } from "@/lib/media/video-size";
import type { SimTask } from "./types";

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

/** A local copy of the task's first picture; `cleanup` removes anything downloaded. */
export async function fetchBackgroundImage(
  task: SimTask,
  publicBaseUrl: string,
): Promise<{ path: string; cleanup: () => Promise<void> } | undefined> {
  const source = task.backgroundImage;
  if (!source) return undefined;
  if (source.kind === "file") return { path: source.path, cleanup: async () => {} };
  if (!isFetchableUrl(source.url, publicBaseUrl)) return undefined;
  try {
    const response = await fetch(source.url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) return undefined;
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) return undefined;
    const filePath = path.join(tmpdir(), `omni-sim-${randomBytes(6).toString("hex")}`);
    await writeFile(filePath, bytes);
    return { path: filePath, cleanup: () => rm(filePath, { force: true }) };
  } catch {
    return undefined;
  }
}

/** The base video's length and frame when it can be read from here; undefined otherwise. */
export async function probeBaseVideo(
  task: SimTask,
  publicBaseUrl: string,
): Promise<{ durationSeconds: number; aspect: OutputAspect } | undefined> {
  if (!task.baseVideoUrl || !isFetchableUrl(task.baseVideoUrl, publicBaseUrl)) return undefined;
  try {
    const probe = await probeVideo(task.baseVideoUrl, { timeoutMs: 8000 });
    return {
      durationSeconds: probe.durationSeconds,
      aspect: nearestAspect(probe.width, probe.height),
    };
  } catch {
    return undefined;
  }
}

export async function aspectOfImage(filePath: string): Promise<OutputAspect | undefined> {
  try {
    const { width, height } = await probeImageSize(filePath);
    return nearestAspect(width, height);
  } catch {
    return undefined;
  }
}
