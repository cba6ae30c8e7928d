import type { GenerationView } from "@/lib/generations/generation-view";
import { isSettledForPolling } from "@/lib/generations/status";
import { progressFigure } from "./progress-figure";

const POLL_MS = 1500;
/**
 * Once the expected time is nearly up, look more often: the worker stores the video the
 * moment the provider calls back, and a 1.5 s poll would add up to 1.5 s before it plays.
 * The status route reads the database only, so this costs the provider nothing. The window
 * opens early enough that a 1.5 s poll cannot step over it, and closes a little after the
 * expected time: a run that is late goes back to the usual pace (some 40 fast polls a run).
 */
const DUE_POLL_MS = 250;
const DUE_LEAD_SECONDS = 4;
const DUE_TAIL_SECONDS = 6;
/**
 * A result is "succeeded" as soon as its video is stored; its poster follows a moment later
 * (lib/worker/add-poster.ts). Look a few more times for it, not forever: a poster that could
 * not be made leaves the video's own frame in its place.
 */
const POSTER_POLL_MS = 1000;
const POSTER_WAIT_MS = 30_000;

/** How long until the browser asks the status route again; false: not again. */
export function statusPollEvery(view: GenerationView | undefined, now: number): number | false {
  if (!view) return false;
  if (isSettledForPolling(view.status)) {
    const finished = view.finishedAt ? Date.parse(view.finishedAt) : 0;
    const posterDue = view.status === "succeeded" && !view.posterUrl && view.videoUrl;
    return posterDue && now - finished < POSTER_WAIT_MS ? POSTER_POLL_MS : false;
  }
  const figure = progressFigure(view, now);
  const due =
    figure &&
    figure.elapsedSeconds >= figure.expectedSeconds - DUE_LEAD_SECONDS &&
    figure.elapsedSeconds <= figure.expectedSeconds + DUE_TAIL_SECONDS;
  return due ? DUE_POLL_MS : POLL_MS;
}
