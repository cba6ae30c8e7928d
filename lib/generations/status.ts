/**
 * A generation's life. The sync worker owns every status that is not terminal. Every
 * change goes through lifecycle.ts; the allowed edges are ALLOWED_MOVES (generation-change.ts).
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

/**
 * What a person reads, as a key of the catalogs' `status` namespace: the steps a task passes
 * through while the provider works on it are one state to them ("In progress" / "생성 중");
 * the progress line says which step it is at.
 */
export const STATUS_LABEL_KEYS = {
  queued: "inProgress",
  submitting: "inProgress",
  submitted: "inProgress",
  processing: "inProgress",
  downloading: "inProgress",
  succeeded: "succeeded",
  failed: "failed",
  uncertain: "uncertain",
  canceled: "canceled",
} as const satisfies Record<GenerationStatus, string>;

/** The gallery's status filter: one choice per label above, "active" for every step in progress. */
export const STATUS_FILTERS = ["active", "succeeded", "failed", "uncertain", "canceled"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const ACTIVE_STATUSES: readonly GenerationStatus[] = GENERATION_STATUSES.filter(
  (status) => !TERMINAL.has(status) && status !== "uncertain",
);

/** The filter a status belongs to; an old bookmark's `status=processing` reads as "active". */
export function statusFilterOf(status: GenerationStatus): StatusFilter {
  return ACTIVE_STATUSES.includes(status) ? "active" : (status as StatusFilter);
}

export type StatusKey = (typeof STATUS_LABEL_KEYS)[GenerationStatus];

/** Each filter's words, as a key of the `status` namespace (the badge's own words). */
export const STATUS_FILTER_KEYS: Record<StatusFilter, StatusKey> = {
  active: STATUS_LABEL_KEYS.processing,
  succeeded: STATUS_LABEL_KEYS.succeeded,
  failed: STATUS_LABEL_KEYS.failed,
  uncertain: STATUS_LABEL_KEYS.uncertain,
  canceled: STATUS_LABEL_KEYS.canceled,
};
