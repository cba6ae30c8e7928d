import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Lets `write` produce a temp file beside `finalPath`, then renames it into place, so a
 * reader (or a crash) sees either nothing or the whole file. The temp name keeps the
 * extension because ffmpeg picks some behaviour from it.
 */
export async function writeFileAtomically(
  finalPath: string,
  write: (tempPath: string) => Promise<void>,
): Promise<void> {
  const dir = path.dirname(finalPath);
  await mkdir(dir, { recursive: true });
  const ext = path.extname(finalPath);
  const base = path.basename(finalPath, ext);
  const tempPath = path.join(dir, `.${base}.${randomBytes(6).toString("hex")}.tmp${ext}`);
  try {
    await write(tempPath);
    await rename(tempPath, finalPath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}
