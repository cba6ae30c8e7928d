import type { GenerationStatus } from "./status";

/**
 * What a browser may see of a generation. Built on the server from the row; it never
 * carries the provider's result URL (it expires, and users must only get our copy).
 */
export type GenerationView = {
  id: string;
  createdAt: string;
  prompt: string;
  mode: string;
  aspectRatio: string | null;
  duration: string;
  status: GenerationStatus;
  /** Set on failure, and while a non-terminal task meets provider trouble (it keeps trying). */
  errorCode: string | null;
  errorMessage: string | null;
  submittedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  videoUrl: string | null;
  posterUrl: string | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  videoBytes: number | null;
  estimatedCostUsd: number | null;
  providerTaskId: string | null;
  parentId: string | null;
  parentKind: string | null;
  /** Set by the gallery and detail reads; other reads leave it out. */
  favorite?: boolean;
  /** 1-based place in the submission queue while `queued` (status route only). */
  queuePosition?: number | null;
  /** Typical seconds from submission to a stored video for this mode (status route only). */
  typicalSeconds?: number | null;
};
