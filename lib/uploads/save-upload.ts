import "server-only";
import { localMessage } from "@/i18n/local-message";
import { sniffImageType, sniffVideoType } from "@/lib/composer/sniff-media-type";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { IMAGE_MAX_BYTES, VIDEO_MAX_BYTES } from "@/lib/kling-contract/limits";
import { cleanOriginalName, storedUploadName } from "@/lib/security/inspect-upload";
import {
  commitAtomicWrite,
  discardFile,
  prepareAtomicWrite,
  resolveMediaPath,
} from "@/lib/storage/media-store";
import { measureUpload } from "./measure-upload";
import { streamToFile } from "./stream-to-file";
import { toUploadView, type UploadView } from "./upload-view";

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
    const measured = await measureUpload(tempPath, streamed.head);
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
  throw new AppError("invalid_input", localMessage("serverErrors.uploadTypesByContent"));
}

function decodeName(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
