import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Files live under MEDIA_DIR and rows store paths relative to it, so the folder can move
 * (export/import, another machine) without rewriting the database.
 */
export const MEDIA_FOLDERS = {
  results: "results",
  posters: "posters",
  uploads: "uploads",
} as const;

export function resultVideoRelativePath(generationId: string): string {
  return `${MEDIA_FOLDERS.results}/${generationId}.mp4`;
}

export function posterRelativePath(generationId: string): string {
  return `${MEDIA_FOLDERS.posters}/${generationId}.jpg`;
}

/** Resolves a stored relative path, refusing anything that would leave MEDIA_DIR. */
export function resolveMediaPath(relativePath: string): string {
  const root = getEnv().mediaDir;
  const normalized = path.normalize(relativePath);
  if (path.isAbsolute(normalized) || normalized.startsWith("..") || normalized.includes("\0")) {
    throw new AppError("not_found", "No such file.");
  }
  const absolute = path.join(root, normalized);
  if (!absolute.startsWith(root + path.sep)) throw new AppError("not_found", "No such file.");
  return absolute;
}

/** A temp path beside the target, so the final rename stays on one filesystem (atomic). */
export async function prepareAtomicWrite(
  relativePath: string,
): Promise<{ finalPath: string; tempPath: string }> {
  const finalPath = resolveMediaPath(relativePath);
  await mkdir(path.dirname(finalPath), { recursive: true });
  const tempPath = `${finalPath}.${randomBytes(6).toString("hex")}.partial`;
  return { finalPath, tempPath };
}

export async function commitAtomicWrite(tempPath: string, finalPath: string): Promise<void> {
  await rename(tempPath, finalPath);
}

export async function discardFile(filePath: string): Promise<void> {
  await rm(filePath, { force: true });
}

export async function mediaFileSize(relativePath: string): Promise<number | undefined> {
  try {
    return (await stat(resolveMediaPath(relativePath))).size;
  } catch {
    return undefined;
  }
}
