import type { MediaFacts, VideoFacts } from "@/lib/prompt/reference-types";
import { sniffImageType, sniffVideoType } from "./sniff-media-type";

/**
 * Browser-only: a fast first measure of a picked file, so the form answers before any
 * upload. The server measures again (and ffprobe gives the video's real frame rate).
 */
export async function readImageFacts(file: Blob): Promise<MediaFacts> {
  const head = new Uint8Array(await file.slice(0, 32).arrayBuffer());
  const mimeType = sniffImageType(head);
  const facts: MediaFacts = { mimeType, bytes: file.size };
  if (!mimeType) return facts;
  try {
    const bitmap = await createImageBitmap(file);
    facts.width = bitmap.width;
    facts.height = bitmap.height;
    bitmap.close();
  } catch {
    // Undecodable: the type rule or the server will say so.
  }
  return facts;
}

/** Frame rate is left to the server: browsers do not expose it reliably. */
export async function readVideoFacts(file: Blob): Promise<VideoFacts> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const facts: VideoFacts = { mimeType: sniffVideoType(head), bytes: file.size };
  if (!facts.mimeType) return facts;
  const url = URL.createObjectURL(file);
  try {
    const video = document.createElement("video");
    video.preload = "metadata";
    video.muted = true;
    await new Promise<void>((resolve, reject) => {
      video.onloadedmetadata = () => resolve();
      video.onerror = () => reject(new Error("unreadable video"));
      video.src = url;
    });
    facts.durationSeconds = video.duration;
    facts.width = video.videoWidth;
    facts.height = video.videoHeight;
  } catch {
    // The server's ffprobe gives the real answer.
  } finally {
    URL.revokeObjectURL(url);
  }
  return facts;
}
