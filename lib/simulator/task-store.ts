import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SimTask } from "./types";

export type TaskStore = ReturnType<typeof createTaskStore>;

/**
 * Tasks persist as one JSON file each so a SIGKILLed app resumes them. Writes go through a
 * temp file and a rename, and are chained per task so an older snapshot never lands last.
 */
export function createTaskStore(dataDir: string) {
  const tasksDir = path.join(dataDir, "tasks");
  const videosDir = path.join(dataDir, "videos");
  const inputsDir = path.join(dataDir, "inputs");
  const cache = new Map<string, SimTask>();
  const writes = new Map<string, Promise<void>>();

  async function load(taskId: string): Promise<SimTask | undefined> {
    if (!isTaskId(taskId)) return undefined;
    const cached = cache.get(taskId);
    if (cached) return cached;
    try {
      const task = JSON.parse(await readFile(taskPath(taskId), "utf8")) as SimTask;
      // Another caller may have loaded it while this one waited on the disk.
      const raced = cache.get(taskId);
      if (raced) return raced;
      cache.set(taskId, task);
      return task;
    } catch {
      return undefined;
    }
  }

  function save(task: SimTask): Promise<void> {
    cache.set(task.taskId, task);
    const previous = writes.get(task.taskId) ?? Promise.resolve();
    const next = previous.then(() => writeJson(taskPath(task.taskId), task));
    writes.set(
      task.taskId,
      next.catch(() => undefined),
    );
    return next;
  }

  async function listIds(): Promise<string[]> {
    try {
      const names = await readdir(tasksDir);
      return names.filter((name) => /^\d+\.json$/.test(name)).map((name) => name.slice(0, -5));
    } catch {
      return [];
    }
  }

  async function findByExternalId(externalTaskId: string): Promise<SimTask | undefined> {
    for (const id of await listIds()) {
      const task = await load(id);
      if (task?.externalTaskId === externalTaskId) return task;
    }
    return undefined;
  }

  /** `name` tells a task's inputs apart: "image" (the first picture), "shot-2", … */
  async function saveInput(taskId: string, bytes: Buffer, name = "image"): Promise<string> {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad input name: ${name}`);
    await mkdir(inputsDir, { recursive: true });
    const filePath = path.join(inputsDir, `${taskId}-${name}`);
    await writeFile(filePath, bytes);
    return filePath;
  }

  /** Forgets a task: its JSON, its saved input and its video. */
  async function remove(taskId: string): Promise<void> {
    if (!isTaskId(taskId)) return;
    await writes.get(taskId);
    cache.delete(taskId);
    writes.delete(taskId);
    await Promise.all([
      rm(taskPath(taskId), { force: true }),
      ...(await inputNames(taskId)).map((name) => rm(path.join(inputsDir, name), { force: true })),
      rm(path.join(videosDir, `${taskId}.mp4`), { force: true }),
    ]);
  }

  async function inputNames(taskId: string): Promise<string[]> {
    const names = await readdir(inputsDir).catch(() => [] as string[]);
    return names.filter((name) => name.startsWith(`${taskId}-`));
  }

  async function flush(): Promise<void> {
    await Promise.all(writes.values());
  }

  function taskPath(taskId: string): string {
    return path.join(tasksDir, `${taskId}.json`);
  }

  return {
    load,
    save,
    listIds,
    findByExternalId,
    saveInput,
    remove,
    flush,
    videoPath: (fileName: string) => path.join(videosDir, fileName),
  };
}

/** Kling task ids are long decimal strings; the check also keeps ids safe in file paths. */
export function isTaskId(value: string): boolean {
  return /^\d{6,30}$/.test(value);
}

export function newTaskId(now: number = Date.now()): string {
  return `${now}${String(randomInt(0, 100_000)).padStart(5, "0")}`;
}

async function writeJson(filePath: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temp = `${filePath}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(value, null, 2));
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
