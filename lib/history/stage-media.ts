import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { localMessage, readLocalMessage } from "@/i18n/local-message";
import { sniffImageType, sniffVideoType } from "@/lib/composer/sniff-media-type";
import { AppError, isAppError } from "@/lib/errors";
import { isJpeg, readImageHeader } from "@/lib/media/image-header";
import { probeVideo } from "@/lib/media/probe-video";
import { MAX_FRAME_SIDE } from "@/lib/media/untrusted-input";
import { measureUpload } from "@/lib/uploads/measure-upload";
import {
  MAX_MEDIA_RATIO,
  MAX_POSTER_BYTES,
  MAX_RESULT_BYTES,
  MAX_UPLOAD_BYTES,
  RATIO_FLOOR_BYTES,
} from "./archive-limits";
import { MEDIA_PREFIX } from "./history-archive-schema";
import type { ImportPlan, PlannedFile } from "./import-plan";
import { extractTo, type OpenZip, type ZipEntryInfo } from "./read-zip";
import { refuseImport as refuse } from "./refuse-import";

export type StagedFile = {
  planned: PlannedFile;
  stagedPath: string;
  bytes: number;
  sha256: string;
  extension: "mp4" | "mov" | "png" | "jpg";
  mimeType: "video/mp4" | "video/quicktime" | "image/png" | "image/jpeg";
  width: number;
  height: number;
  durationSeconds: number | null;
  fps: number | null;
};

export function capFor(file: PlannedFile): number {
  switch (file.use) {
    case "result":
      return MAX_RESULT_BYTES;
    case "poster":
      return MAX_POSTER_BYTES;
    default:
      return MAX_UPLOAD_BYTES[file.kind];
  }
}

/**
 * Every cap, from the zip's directory, before anything is unpacked: each planned file
 * within its kind's cap and not compressed like a bomb, and the whole archive within
 * IMPORT_MAX_BYTES once unpacked.
 */
export function assertEntryCaps(
  plan: ImportPlan,
  entries: ReadonlyMap<string, ZipEntryInfo>,
  maxTotalBytes: number,
): void {
  let total = 0;
  for (const entry of entries.values()) total += entry.uncompressedSize;
  if (total > maxTotalBytes) refuse("importDetails.unpacksTooLarge");
  for (const file of plan.files) {
    const entry = entries.get(`${MEDIA_PREFIX}${file.archivePath}`);
    if (!entry) refuse("importDetails.mediaMissing", { path: file.archivePath });
    if (entry.uncompressedSize > capFor(file))
      refuse("importDetails.mediaTooLarge", { path: file.archivePath });
    const packed = Math.max(1, entry.compressedSize);
    if (
      entry.uncompressedSize > RATIO_FLOOR_BYTES &&
      entry.uncompressedSize / packed > MAX_MEDIA_RATIO
    ) {
      refuse("importDetails.zipBomb", { path: file.archivePath });
    }
  }
}

/**
 * Unpacks the planned files into `dir` (outside MEDIA_DIR) and judges each as the studio
 * judges its own: results are MP4s ffprobe reads with the container forced, posters whole
 * JPEGs, uploads pass the upload route's checks, and a `verify` file must have the bytes of
 * the upload already here. Nothing is moved into MEDIA_DIR here.
 */
export async function stageFiles(
  zip: OpenZip,
  plan: ImportPlan,
  dir: string,
): Promise<StagedFile[]> {
  const staged: StagedFile[] = [];
  for (const [index, file] of plan.files.entries()) {
    const stagedPath = path.join(dir, `file-${index}`);
    try {
      let head: Buffer = Buffer.alloc(0);
      const stream = await zip.open(`${MEDIA_PREFIX}${file.archivePath}`);
      const bytes = await extractTo(stream, stagedPath, capFor(file), (first) => {
        head = first;
        checkHead(file, first);
      });
      const sha256 = await hashFile(stagedPath);
      if (file.use === "verify" && sha256 !== file.sha256) refuse("importDetails.notSameUpload");
      staged.push({
        planned: file,
        stagedPath,
        bytes,
        sha256,
        ...(await measure(file, stagedPath, head)),
      });
    } catch (error) {
      refuse("importDetails.mediaRefused", { path: file.archivePath, reason: reasonOf(error) });
    }
  }
  return staged;
}

function checkHead(file: PlannedFile, head: Buffer): void {
  const ok =
    file.use === "result"
      ? sniffVideoType(head) !== null
      : file.use === "poster"
        ? isJpeg(head)
        : file.kind === "video"
          ? sniffVideoType(head) !== null
          : sniffImageType(head) !== null;
  if (!ok) throw new AppError("invalid_input", localMessage("importDetails.bytesWrong"));
}

async function measure(file: PlannedFile, stagedPath: string, head: Buffer) {
  if (file.use === "result") {
    const probe = await probeVideo(stagedPath, { maxBytes: MAX_RESULT_BYTES });
    return {
      extension: "mp4" as const,
      mimeType: "video/mp4" as const,
      width: probe.width,
      height: probe.height,
      durationSeconds: probe.durationSeconds,
      fps: probe.fps,
    };
  }
  if (file.use === "poster") {
    const header = readImageHeader(await readFile(stagedPath));
    if (header?.mimeType !== "image/jpeg") refuse("importDetails.notWholeJpeg");
    if (header.width > MAX_FRAME_SIDE || header.height > MAX_FRAME_SIDE)
      refuse("importDetails.frameTooLarge");
    const { width, height } = header;
    return {
      extension: "jpg" as const,
      mimeType: "image/jpeg" as const,
      width,
      height,
      durationSeconds: null,
      fps: null,
    };
  }
  const measured = await measureUpload(stagedPath, head);
  if (measured.inspected.kind !== file.kind) refuse("importDetails.wrongKind", { kind: file.kind });
  return {
    extension: measured.inspected.extension,
    mimeType: measured.inspected.mimeType,
    width: measured.width,
    height: measured.height,
    durationSeconds: measured.durationSeconds,
    fps: measured.fps,
  };
}

async function hashFile(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Why one file was refused, without the "Nothing was imported." the whole refusal ends with. */
function reasonOf(error: unknown): string {
  if (!isAppError(error)) return localMessage("importDetails.unreadable");
  const local = readLocalMessage(error.message);
  const detail = local?.key === "galleryErrors.inconsistent" ? local.values?.detail : undefined;
  return typeof detail === "string" ? detail : error.message;
}
