import "server-only";
import { randomBytes } from "node:crypto";
import { constants, copyFile, link, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { cleanOriginalName } from "@/lib/security/inspect-upload";
import {
  MEDIA_FOLDERS,
  posterRelativePath,
  resolveMediaPath,
  resultVideoRelativePath,
} from "@/lib/storage/media-store";
import type { ExistingState, ImportPlan } from "./import-plan";
import { insertHistoryRows } from "./insert-history-rows";
import type { StagedFile } from "./stage-media";

/**
 * Moves the checked files into MEDIA_DIR under names the studio chooses (the generation's
 * or the upload's id, never the archive's path, and never over an existing file), writes
 * the measured facts into the rows, and inserts them in one transaction. If the insert
 * fails, the files just placed are removed again: all or nothing.
 */
export async function commitImport(
  plan: ImportPlan,
  staged: StagedFile[],
  existing: ExistingState,
): Promise<{ written: number }> {
  const placed: string[] = [];
  const result = new Map<string, StagedFile & { finalPath: string }>();
  const poster = new Map<string, StagedFile & { finalPath: string }>();
  const uploadPath = new Map<string, string>();
  const uploadFacts = new Map<string, StagedFile>();
  try {
    for (const file of staged) {
      const { planned } = file;
      if (planned.use === "verify") {
        uploadPath.set(planned.uploadId, existing.uploads.get(planned.uploadId)?.mediaPath ?? "");
        uploadFacts.set(planned.uploadId, file);
        continue;
      }
      const wanted =
        planned.use === "result"
          ? resultVideoRelativePath(planned.generationId)
          : planned.use === "poster"
            ? posterRelativePath(planned.generationId)
            : `${MEDIA_FOLDERS.uploads}/${planned.uploadId}.${file.extension}`;
      const finalPath = await place(file.stagedPath, wanted);
      placed.push(finalPath);
      if (planned.use === "result") result.set(planned.generationId, { ...file, finalPath });
      else if (planned.use === "poster") poster.set(planned.generationId, { ...file, finalPath });
      else {
        uploadPath.set(planned.uploadId, finalPath);
        uploadFacts.set(planned.uploadId, file);
      }
    }
    const uploadOf = (id: string | null, archivePath: string | null) =>
      id ?? plan.uploads.find((u) => u.mediaPath === archivePath)?.id ?? null;
    await insertHistoryRows({
      uploads: plan.uploads.map((upload) => {
        const facts = uploadFacts.get(upload.id);
        if (!facts) throw new AppError("internal", `Upload ${upload.id} has no checked file.`);
        return {
          ...upload,
          kind: facts.mimeType.startsWith("video/") ? "video" : "image",
          mediaPath: uploadPath.get(upload.id) ?? "",
          originalName: cleanOriginalName(upload.originalName) ?? null,
          mimeType: facts.mimeType,
          bytes: facts.bytes,
          sha256: facts.sha256,
          width: facts.width,
          height: facts.height,
          durationSeconds: facts.durationSeconds,
          fps: facts.fps,
        };
      }),
      elements: plan.elements.map((element) => {
        const id = element.thumbnailPath ? uploadOf(null, element.thumbnailPath) : null;
        return { ...element, thumbnailPath: id ? (uploadPath.get(id) ?? null) : null };
      }),
      generations: plan.generations.map((generation) => {
        const video = result.get(generation.id);
        return {
          ...generation,
          videoPath: video?.finalPath ?? null,
          posterPath: poster.get(generation.id)?.finalPath ?? null,
          videoBytes: video?.bytes ?? null,
          videoSha256: video?.sha256 ?? null,
          width: video?.width ?? null,
          height: video?.height ?? null,
          durationSeconds: video?.durationSeconds ?? null,
        };
      }),
      shots: plan.shots,
      references: plan.references.map((ref) => {
        const id = uploadOf(ref.uploadId, ref.mediaPath);
        const facts = id ? uploadFacts.get(id) : undefined;
        if (!id || !facts) return { ...ref, mediaPath: null, uploadId: null };
        return {
          ...ref,
          uploadId: id,
          mediaPath: uploadPath.get(id) ?? null,
          mimeType: facts.mimeType,
          width: facts.width,
          height: facts.height,
          bytes: facts.bytes,
          durationSeconds: facts.durationSeconds,
          fps: facts.fps,
        };
      }),
      shares: plan.shares,
      collections: plan.collections,
    });
    return { written: placed.length };
  } catch (error) {
    await Promise.all(placed.map((relative) => rm(resolveMediaPath(relative), { force: true })));
    if (error instanceof AppError) throw error;
    throw new AppError("invalid_input", localMessage("galleryErrors.rowsNotStored"), {
      cause: error,
    });
  }
}

/**
 * Puts a staged file at `wanted` (relative to MEDIA_DIR), or beside it under a fresh
 * suffix when that name is taken: an existing file is never replaced. `link` is atomic and
 * fails on an existing target; across file systems, an exclusive copy does the same.
 */
async function place(stagedPath: string, wanted: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const relative = attempt === 0 ? wanted : withSuffix(wanted);
    const target = resolveMediaPath(relative);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await link(stagedPath, target);
      return relative;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") continue;
      if (code !== "EXDEV" && code !== "EPERM") throw error;
    }
    try {
      await copyFile(stagedPath, target, constants.COPYFILE_EXCL);
      return relative;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  throw new AppError("internal", `No free name for ${wanted}.`);
}

function withSuffix(relative: string): string {
  const ext = path.posix.extname(relative);
  const base = relative.slice(0, relative.length - ext.length);
  return `${base}-${randomBytes(4).toString("hex")}${ext}`;
}
