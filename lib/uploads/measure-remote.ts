import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { isLocalMessage, localMessage } from "@/i18n/local-message";
import { sniffImageType, sniffVideoType } from "@/lib/composer/sniff-media-type";
import { isAppError } from "@/lib/errors";
import { IMAGE_MAX_BYTES, VIDEO_MAX_BYTES } from "@/lib/kling-contract/limits";
import { probeVideo } from "@/lib/media/probe-video";
import type { MediaFacts, VideoFacts } from "@/lib/prompt/reference-types";
import { inspectUpload } from "@/lib/security/inspect-upload";
import { safeFetch, safeFetchBuffer } from "@/lib/security/safe-fetch";
import { discardFile } from "@/lib/storage/media-store";

/**
 * Measures a reference the person gave by link, on the server, through safeFetch (no
 * private addresses, pinned DNS, byte cap, deadline). A link that cannot be read gives an
 * `error` (without a final period) the composer shows beside the reference.
 */
export async function measureRemoteImage(
  url: string,
): Promise<{ facts: MediaFacts; error?: string }> {
  try {
    const response = await safeFetchBuffer(url, { maxBytes: IMAGE_MAX_BYTES, timeoutMs: 15_000 });
    if (response.status !== 200)
      return {
        facts: {},
        error: localMessage("composerRules.linkHttpStatus", { status: response.status }),
      };
    const bytes = response.bytes;
    const mimeType = sniffImageType(bytes);
    const facts: MediaFacts = { mimeType, bytes: bytes.length };
    if (!mimeType) return { facts };
    try {
      const inspected = inspectUpload(bytes);
      if (inspected.kind === "image")
        Object.assign(facts, { width: inspected.width, height: inspected.height });
    } catch (error) {
      return { facts, error: (error as Error).message };
    }
    return { facts };
  } catch (error) {
    return { facts: {}, error: linkError(error) };
  }
}

export async function measureRemoteVideo(
  url: string,
): Promise<{ facts: VideoFacts; error?: string }> {
  const dir = path.join(tmpdir(), "omni-studio-probe");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomBytes(8).toString("hex")}.bin`);
  try {
    const response = await safeFetch(url, { maxBytes: VIDEO_MAX_BYTES, timeoutMs: 120_000 });
    if (response.status !== 200) {
      response.body.destroy();
      return {
        facts: {},
        error: localMessage("composerRules.linkHttpStatus", { status: response.status }),
      };
    }
    let head: Uint8Array = new Uint8Array(0);
    let bytes = 0;
    response.body.on("data", (chunk: Buffer) => {
      if (head.length < 16) head = Buffer.concat([head, chunk]).subarray(0, 16);
      bytes += chunk.length;
    });
    await pipeline(response.body, createWriteStream(file));
    const mimeType = sniffVideoType(head);
    if (!mimeType) return { facts: { mimeType: null, bytes } };
    const probe = await probeVideo(file);
    return {
      facts: {
        mimeType,
        bytes,
        width: probe.width,
        height: probe.height,
        durationSeconds: probe.durationSeconds,
        fps: probe.fps,
      },
    };
  } catch (error) {
    return { facts: {}, error: linkError(error) };
  } finally {
    await discardFile(file);
  }
}

/**
 * The refusal of a link, in words for the person who gave it: safeFetch's refusals and
 * inspectUpload's are catalog messages already (failureDetails, serverErrors).
 */
function linkError(error: unknown): string {
  if (isAppError(error) && isLocalMessage(error.message)) return error.message;
  return localMessage("serverErrors.linkUnreadable");
}
