import "server-only";
import { readFile } from "node:fs/promises";
import { checkImage, checkVideo } from "@/lib/composer/media-rules";
import { sniffImageType, sniffVideoType } from "@/lib/composer/sniff-media-type";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { IMAGE_MAX_BYTES, VIDEO_MAX_BYTES } from "@/lib/generations/limits";
import { newId } from "@/lib/ids";
import { probeVideo } from "@/lib/media/probe-video";
import {
  cleanOriginalName,
  type InspectedUpload,
  inspectUpload,
  storedUploadName,
} from "@/lib/security/inspect-upload";
import {
  commitAtomicWrite,
  discardFile,
  prepareAtomicWrite,
  resolveMediaPath,
} from "@/lib/storage/media-store";
import { streamToFile } from "./stream-to-file";
import { toUploadView, type UploadView } from "./upload-view";

type Measured = {
  inspected: InspectedUpload;
  width: number;
  height: number;
  durationSeconds: number | null;
  fps: number | null;
};

/**
 * Receives one file as the raw request body (name in `X-File-Name`), judges it by its bytes,
 * measures it (header dimensions for images, ffprobe for video), checks the contract's
 * rules, then stores it under a made-up name with an Upload row. A refused file leaves
 * neither a file nor a row behind.
 */
export async function saveUpload(request: Request): Promise<UploadView> {
  const id = newId("up");
  const originalName = cleanOriginalName(decodeName(request.headers.get("x-file-name")));
  const { tempPath } = await prepareAtomicWrite(`uploads/${id}`);
  const streamed = await streamToFile(request.body, tempPath, capFor, VIDEO_MAX_BYTES);
  let finalPath: string | undefined;
  try {
    const measured = await measure(tempPath, streamed.head);
    const mediaPath = storedUploadName(id, measured.inspected);
    finalPath = resolveMediaPath(mediaPath);
    await commitAtomicWrite(tempPath, finalPath);
    const row = await getDb().upload.create({
      data: {
        id,
        kind: measured.inspected.kind,
        mediaPath,
        originalName: originalName ?? null,
        mimeType: measured.inspected.mimeType,
        bytes: streamed.bytes,
        sha256: streamed.sha256,
        width: measured.width,
        height: measured.height,
        durationSeconds: measured.durationSeconds,
        fps: measured.fps,
      },
    });
    return toUploadView(row);
  } catch (error) {
    await discardFile(tempPath);
    if (finalPath) await discardFile(finalPath);
    throw error;
  }
}

function capFor(head: Uint8Array): number {
  if (sniffImageType(head)) return IMAGE_MAX_BYTES;
  if (sniffVideoType(head)) return VIDEO_MAX_BYTES;
  throw new AppError(
    "invalid_input",
    "Only JPEG and PNG images and MP4 or MOV videos can be uploaded (judged by the file's content).",
  );
}

async function measure(tempPath: string, head: Uint8Array): Promise<Measured> {
  const videoType = sniffVideoType(head);
  if (!videoType) {
    const inspected = inspectUpload(await readFile(tempPath));
    if (inspected.kind !== "image") throw new AppError("invalid_input", "Unsupported file.");
    const issues = checkImage(
      {
        ...PLACEHOLDER,
        kind: "image",
        facts: { mimeType: inspected.mimeType, width: inspected.width, height: inspected.height },
      },
      "The image",
    );
    if (issues[0]) throw new AppError("invalid_input", issues[0].message);
    return {
      inspected,
      width: inspected.width,
      height: inspected.height,
      durationSeconds: null,
      fps: null,
    };
  }
  const probe = await probeVideo(tempPath);
  const issues = checkVideo(
    {
      ...PLACEHOLDER,
      kind: "video",
      referType: "feature",
      keepOriginalSound: false,
      facts: {
        mimeType: videoType,
        width: probe.width,
        height: probe.height,
        durationSeconds: probe.durationSeconds,
        fps: probe.fps,
      },
    },
    "The video",
  );
  if (issues[0]) throw new AppError("invalid_input", issues[0].message);
  const inspected: InspectedUpload = {
    kind: "video",
    mimeType: videoType,
    extension: videoType === "video/quicktime" ? "mov" : "mp4",
  };
  return {
    inspected,
    width: probe.width,
    height: probe.height,
    durationSeconds: probe.durationSeconds,
    fps: probe.fps,
  };
}

// The per-file rules want a reference; only its facts matter here.
const PLACEHOLDER = { id: "ref_upload", name: "upload", source: "upload" as const, uploadId: "up" };

function decodeName(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
