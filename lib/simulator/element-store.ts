import "server-only";
import { randomInt } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** One element task and, once made, its element; `${dataDir}/elements/<taskId>.json`. */
export type SimElement = {
  taskId: string;
  externalTaskId: string | undefined;
  createdAt: number;
  name: string;
  description: string;
  tagId: string | undefined;
  /** Decimal digits: above 2^53 on purpose, so a client that uses JS numbers breaks. */
  elementId: string;
  /** The front view: a file saved from base64, or the link it was given as. */
  frontImage: { kind: "file"; path: string } | { kind: "url"; url: string };
  frontImageUrl: string | undefined;
  referImageUrls: string[];
  submittedMs: number;
  processingMs: number;
  failMessage: string | undefined;
  deleted: boolean;
};

export type ElementStore = ReturnType<typeof createElementStore>;

/** Element tasks persist as files like video tasks, so a restarted app resumes them. */
export function createElementStore(dataDir: string) {
  const dir = path.join(dataDir, "elements");
  const cache = new Map<string, SimElement>();
  // One read of the folder, shared: a flag set before the read let a second request that
  // arrived meanwhile (two element tasks polled at once after a restart) see an empty store
  // and answer "task not found", which fails a task that is in fact being made.
  let loading: Promise<void> | undefined;

  async function load(): Promise<void> {
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      names = [];
    }
    for (const name of names.filter((n) => /^\d+\.json$/.test(n))) {
      try {
        const element = JSON.parse(await readFile(path.join(dir, name), "utf8")) as SimElement;
        if (!cache.has(element.taskId)) cache.set(element.taskId, element);
      } catch {
        // A half-written file from a killed process: the temp-and-rename below prevents it.
      }
    }
  }

  async function all(): Promise<SimElement[]> {
    loading ??= load();
    await loading;
    return [...cache.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  async function save(element: SimElement): Promise<void> {
    cache.set(element.taskId, element);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${element.taskId}.json`);
    const temp = `${file}.${randomInt(1e9)}.tmp`;
    await writeFile(temp, JSON.stringify(element));
    await rename(temp, file);
  }

  async function saveImage(taskId: string, bytes: Buffer): Promise<string> {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${taskId}-front`);
    await writeFile(file, bytes);
    return file;
  }

  return {
    all,
    save,
    saveImage,
    byTaskId: async (taskId: string) => (await all()).find((e) => e.taskId === taskId),
    byElementId: async (elementId: string) =>
      (await all()).find((e) => e.elementId === elementId && !e.deleted),
    byExternalId: async (externalTaskId: string) =>
      (await all()).find((e) => e.externalTaskId === externalTaskId),
  };
}

/** 2^53 + something: every simulated element id is one a JS number would round. */
export function newElementId(now = Date.now()): string {
  return (
    9007199254740993n +
    BigInt(now % 1_000_000_000) * 1000n +
    BigInt(randomInt(1000))
  ).toString();
}
