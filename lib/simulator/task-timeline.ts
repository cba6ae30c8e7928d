import type { SimTask, TaskView } from "./types";

/** Base latency at speed 1; pro takes longer, as it does at Kling. */
export const BASE_SUBMITTED_MS = 2000;
export const BASE_PROCESSING_MS = { std: 8000, pro: 16000 } as const;

export const MODERATION_MARKER = "[simulate:moderation]";
export const MODERATION_MESSAGE = "Failure to pass the risk control system";

export function phaseDurations(mode: "std" | "pro", speed: number) {
  return {
    submittedMs: Math.round(BASE_SUBMITTED_MS * speed),
    processingMs: Math.round(BASE_PROCESSING_MS[mode] * speed),
  };
}

/**
 * A task's status follows from the clock and the render, so nothing has to run while
 * nobody asks, and a restart loses nothing: submitted → processing → succeed once both the
 * processing time has passed and the MP4 exists.
 */
export function viewTask(task: SimTask, now: number): TaskView {
  const processingAt = task.createdAt + task.submittedMs;
  const dueAt = processingAt + task.processingMs;
  if (now < processingAt) {
    return { status: "submitted", statusMessage: "", updatedAt: task.createdAt, progress: 0 };
  }
  const failAt = failureTime(task);
  if (failAt !== undefined && now >= failAt) {
    const message = task.failMessage ?? task.renderError?.message ?? "";
    return { status: "failed", statusMessage: message, updatedAt: failAt, progress: 100 };
  }
  if (task.video && now >= dueAt) {
    const updatedAt = Math.max(dueAt, task.video.renderedAt);
    return { status: "succeed", statusMessage: "", updatedAt, progress: 100 };
  }
  const progress = Math.min(99, Math.floor(((now - processingAt) / task.processingMs) * 100));
  return { status: "processing", statusMessage: "", updatedAt: processingAt, progress };
}

/** The moments a status may change on its own, for timers that send callbacks. */
export function transitionTimes(task: SimTask): number[] {
  const processingAt = task.createdAt + task.submittedMs;
  const times = [processingAt, processingAt + task.processingMs];
  const failAt = failureTime(task);
  if (failAt !== undefined) times.push(failAt);
  return times;
}

function failureTime(task: SimTask): number | undefined {
  const processingAt = task.createdAt + task.submittedMs;
  // A scripted failure (moderation) comes halfway through processing.
  if (task.failMessage !== undefined) return processingAt + Math.round(task.processingMs / 2);
  if (task.renderError) return Math.max(processingAt, task.renderError.at);
  return undefined;
}
