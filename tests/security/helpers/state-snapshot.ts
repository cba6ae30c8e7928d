import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";

/**
 * A fingerprint of everything a bad request could have written: the SQLite file and its
 * WAL, byte for byte, and every file under the media folder. Compare before and after a
 * batch of hostile calls.
 */
export function snapshotState(dbFile: string, mediaDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of [dbFile, `${dbFile}-wal`]) {
    if (existsSync(file)) out[path.basename(file)] = hash(readFileSync(file));
  }
  for (const file of walk(mediaDir)) {
    const isLink = lstatSync(file).isSymbolicLink();
    out[`media/${path.relative(mediaDir, file)}`] = isLink
      ? `link:${readlinkSync(file)}`
      : hash(readFileSync(file));
  }
  return out;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const info = lstatSync(full, { throwIfNoEntry: false });
    if (!info) return [];
    // Links are recorded, not followed: a test may plant one that loops or escapes.
    return info.isDirectory() ? walk(full) : [full];
  });
}

function hash(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
