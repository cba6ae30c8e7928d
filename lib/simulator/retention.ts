import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { TaskStore } from "./task-store";

export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Deletes tasks created more than `retentionMs` ago with their input and video (Kling
 * deletes outputs after 30 days; a demo studio has long copied its results by then), and
 * any other file left in the videos and inputs folders that is older than that (renders
 * cut off by a crash). The shared benchmark render is kept.
 */
export async function sweepExpired(
  store: TaskStore,
  dataDir: string,
  retentionMs: number,
  now: number = Date.now(),
): Promise<number> {
  const cutoff = now - retentionMs;
  let removed = 0;
  for (const id of await store.listIds()) {
    const task = await store.load(id);
    if (task && task.createdAt >= cutoff) continue;
    await store.remove(id);
    removed += 1;
  }
  for (const folder of ["videos", "inputs"]) {
    const dir = path.join(/*turbopackIgnore: true*/ dataDir, folder);
    let names: string[];
    try {
      names = await readdir(/*turbopackIgnore: true*/ dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name === "_reused.mp4") continue;
      const file = path.join(/*turbopackIgnore: true*/ dir, name);
      const info = await stat(/*turbopackIgnore: true*/ file).catch(() => undefined);
      if (info?.isFile() && info.mtimeMs < cutoff) await rm(file, { force: true });
    }
  }
  return removed;
}
