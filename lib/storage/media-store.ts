import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, realpath, rename, rm } from "node:fs/promises";
import path from "node:path";
import { localMessage } from "@/i18n/local-message";
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

/**
 * Resolves a stored relative path, refusing anything that would leave MEDIA_DIR: `..`
 * segments (however they were encoded before reaching here), absolute paths, backslashes,
 * NUL and other control characters, and hidden names (temp files are `.partial`).
 */
export function resolveMediaPath(relativePath: string): string {
  const root = path.resolve(getEnv().mediaDir);
  if (typeof relativePath !== "string" || relativePath.length === 0 || relativePath.length > 512) {
    throw notFound();
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f\\]/.test(relativePath) || path.isAbsolute(relativePath))
    throw notFound();
  const segments = relativePath.split("/");
  if (
    segments.some(
      (segment) => segment === "" || segment === "." || segment === ".." || segment.startsWith("."),
    )
  ) {
    throw notFound();
  }
  const absolute = path.resolve(root, ...segments);
  if (!absolute.startsWith(root + path.sep)) throw notFound();
  return absolute;
}

/**
 * Like resolveMediaPath, and also follows symlinks: a link inside MEDIA_DIR that points
 * outside it (planted by an import or a careless admin) is refused. For reading only.
 */
export async function resolveExistingMediaPath(relativePath: string): Promise<string> {
  const absolute = resolveMediaPath(relativePath);
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(absolute), realpath(getEnv().mediaDir)]);
  } catch {
    throw notFound();
  }
  if (!real.startsWith(realRoot + path.sep)) throw notFound();
  return real;
}

function notFound(): AppError {
  return new AppError("not_found", localMessage("failureDetails.noSuchFile"));
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
