/**
 * A generation's life. The sync worker owns every status that is not terminal.
 *
 *   queued → submitting → submitted → processing → downloading → succeeded
 *                 │             └──────────┴────────────┴──────→ failed
 *                 └→ uncertain (the create's answer was lost; never resubmitted blindly)
 */
export const GENERATION_STATUSES = [
  "queued",
  "submitting",
  "submitted",
  "processing",
  "downloading",
  "succeeded",
  "failed",
  "uncertain",
  "canceled",
] as const;

export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

const TERMINAL: ReadonlySet<GenerationStatus> = new Set(["succeeded", "failed", "canceled"]);

/** Statuses the worker follows by asking the provider. */
export const FOLLOWED_STATUSES = ["submitted", "processing", "downloading"] as const;

export function isTerminalStatus(status: GenerationStatus): boolean {
  return TERMINAL.has(status);
}

/** Whether a browser watching this generation should keep polling. */
export function isSettledForPolling(status: GenerationStatus): boolean {
  return isTerminalStatus(status) || status === "uncertain";
}

export function parseGenerationStatus(value: string): GenerationStatus {
  if ((GENERATION_STATUSES as readonly string[]).includes(value)) return value as GenerationStatus;
  throw new Error(`Unknown generation status "${value}"`);
}

export const STATUS_LABELS: Record<GenerationStatus, string> = {
  queued: "Queued",
  submitting: "Submitting",
  submitted: "Submitted",
  processing: "Processing",
  downloading: "Saving video",
  succeeded: "Succeeded",
  failed: "Failed",
  uncertain: "Needs checking",
  canceled: "Canceled",
};
