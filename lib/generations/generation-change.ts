import type { GenerationStatus } from "./status";

/**
 * The columns a step of a generation's life may write, each with its real type: a change
 * is never a bag of `Record<string, unknown>`, and its status is the union, never a string.
 */
export type GenerationChange = {
  status?: GenerationStatus;
  providerTaskId?: string | null;
  callbackToken?: string | null;
  submittedAt?: Date | null;
  startedAt?: Date | null;
  finishedAt?: Date | null;
  providerDoneAt?: Date | null;
  nextCheckAt?: Date | null;
  checkAttempts?: number;
  errorCode?: string | null;
  errorMessage?: string | null;
  providerVideoUrl?: string | null;
  videoPath?: string | null;
  posterPath?: string | null;
  videoBytes?: number | null;
  videoSha256?: string | null;
  width?: number | null;
  height?: number | null;
  durationSeconds?: number | null;
};

/** Why a generation stopped or waits, as the person reads it. */
export type StatusNote = { code: string; message: string };

/** The statuses a change may lead from each status; anything else is a programming error. */
export const ALLOWED_MOVES: Record<GenerationStatus, readonly GenerationStatus[]> = {
  queued: ["submitting", "canceled"],
  submitting: ["queued", "submitted", "processing", "uncertain", "failed"],
  // A late answer to a create judged lost is still the truth, so it is recorded.
  uncertain: ["submitting", "submitted", "processing"],
  submitted: ["submitted", "processing", "downloading", "succeeded", "failed"],
  processing: ["submitted", "processing", "downloading", "succeeded", "failed"],
  // An expired result link sends the row back to ask the provider for a fresh one (and the
  // provider's answer is taken as it comes, even "submitted").
  downloading: ["submitted", "processing", "downloading", "succeeded", "failed"],
  // "Check again" resumes following a task that timed out or could not be saved.
  failed: ["submitted", "processing"],
  succeeded: [],
  canceled: [],
};

/** Throws when a change would move a row along an edge the state machine does not have. */
export function assertMove(from: GenerationStatus, to: GenerationStatus | undefined): void {
  if (to === undefined || ALLOWED_MOVES[from].includes(to)) return;
  throw new Error(`A generation cannot move from "${from}" to "${to}".`);
}
