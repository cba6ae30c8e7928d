import "server-only";
import { rm } from "node:fs/promises";
import { createSlotGate } from "@/lib/worker/slot-gate";
import { sendCallback } from "./callbacks";
import { renderTaskVideo } from "./render-task";
import { klingTaskData } from "./responses";
import type { TaskStore } from "./task-store";
import { transitionTimes, viewTask } from "./task-timeline";
import type { SimTask, TaskView } from "./types";

export type TaskEngine = ReturnType<typeof createTaskEngine>;

type EngineDeps = {
  store: TaskStore;
  settings: () => {
    publicBaseUrl: string;
    renderScale: number;
    reuseRender?: boolean | undefined;
    callbackBaseUrl?: string | undefined;
    maxConcurrentRenders?: number | undefined;
  };
  resultUrl: (task: SimTask) => Promise<string>;
};

const DEFAULT_MAX_CONCURRENT_RENDERS = 2;

/**
 * Moves tasks along: starts each render once (per process), sends callbacks when the
 * status a task shows has changed since the last one, and wakes itself at transition
 * times so callbacks go out even when nobody polls. A restarted process picks tasks up
 * again on the next query, or through `resumeUnfinished`.
 */
export function createTaskEngine({ store, settings, resultUrl }: EngineDeps) {
  const renders = new Map<string, Promise<void>>();
  // ffmpeg renders are the costly part: a burst of tasks waits for a slot instead of starting
  // a render each (tasks stay "processing" a little longer, as under real load).
  const renderGate = createSlotGate(
    () => settings().maxConcurrentRenders ?? DEFAULT_MAX_CONCURRENT_RENDERS,
  );
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  async function observe(task: SimTask, now: number = Date.now()): Promise<TaskView> {
    const view = viewTask(task, now);
    if (view.status === "processing") ensureRender(task);
    if (view.status !== task.notifiedStatus) {
      // Set before any await, so two concurrent observers send one callback.
      task.notifiedStatus = view.status;
      await store.save(task);
      if (task.callbackUrl) {
        const url = view.status === "succeed" ? await resultUrl(task) : undefined;
        sendCallback(task.callbackUrl, klingTaskData(task, view, url), settings().callbackBaseUrl);
      }
    }
    return view;
  }

  function ensureRender(task: SimTask): void {
    if (closed || renders.has(task.taskId) || task.video || task.renderError) return;
    if (task.failMessage !== undefined) return;
    const job = renderGate
      // A render still waiting for its slot when the simulator closes is left for the next
      // process (nothing is recorded), not failed.
      .run(async () => (closed ? undefined : renderTaskVideo(task, store, settings())))
      .then(
        (video) => {
          if (video) task.video = video;
        },
        (error: unknown) => {
          console.error("[simulator] render failed", task.taskId, error);
          task.renderError = {
            message: "Internal error while generating the video",
            at: Date.now(),
          };
        },
      )
      .then(async () => {
        if (!task.video && !task.renderError) return;
        await dropInput(task);
        await store.save(task);
        if (!closed) await observe(task);
      })
      .then(
        () => undefined,
        (error: unknown) => console.error("[simulator] could not record a render", error),
      )
      .finally(() => renders.delete(task.taskId));
    renders.set(task.taskId, job);
  }

  /** Decoded base64 pictures are needed for one render only; they are not kept after it. */
  async function dropInput(task: SimTask): Promise<void> {
    if (task.backgroundImage?.kind === "file") {
      await rm(task.backgroundImage.path, { force: true });
      task.backgroundImage = undefined;
    }
    for (const shot of task.shots ?? []) {
      if (shot.image?.kind !== "file") continue;
      await rm(shot.image.path, { force: true });
      shot.image = undefined;
    }
  }

  function schedule(task: SimTask): void {
    const now = Date.now();
    for (const at of transitionTimes(task)) {
      if (at < now || closed) continue;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          if (!closed) observe(task).catch(() => undefined);
        },
        at - now + 5,
      );
      timer.unref();
      timers.add(timer);
    }
  }

  async function resumeUnfinished(): Promise<void> {
    for (const id of await store.listIds()) {
      const task = await store.load(id);
      if (!task || task.notifiedStatus === "succeed" || task.notifiedStatus === "failed") continue;
      await observe(task);
      schedule(task);
    }
  }

  async function close(): Promise<void> {
    closed = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await Promise.allSettled([...renders.values()]);
    await store.flush();
  }

  return { observe, schedule, resumeUnfinished, close };
}
