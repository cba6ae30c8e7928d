import type { ModelName } from "@/lib/kling-contract/models";
import type { GenerationStatus } from "./status";

/**
 * What a browser may see of a generation. Built on the server from the row; it never
 * carries the provider's result URL (it expires, and users must only get our copy).
 */
export type GenerationView = {
  id: string;
  createdAt: string;
  prompt: string;
  model: ModelName;
  mode: string;
  aspectRatio: string | null;
  duration: string;
  /** Kling 3.0 Omni only: "on" | "off"; null for O1. */
  sound: "on" | "off" | null;
  /** A storyboard: "customize" (shots in the detail) | "intelligence"; null for one prompt. */
  shotType: "customize" | "intelligence" | null;
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
  /** Takes made together from one recipe share it (issue 14); null for single runs. */
  batchId: string | null;
  /** Set by the gallery and detail reads; other reads leave it out. */
  favorite?: boolean;
  /** Set by the gallery read: what its prompt's chips show ("Image 1" and its thumbnail). */
  references?: ReferenceChipView[];
  /** 1-based place in the submission queue while `queued` (status route only). */
  queuePosition?: number | null;
  /**
   * Seconds from submission to a stored video expected for this model, mode and length, and
   * what that came from (lib/progress/expected-duration.ts); set on running generations by
   * withProgressFacts, null once settled.
   */
  expectedSeconds?: number | null;
  expectedBasis?: "history" | "simulator" | "contract" | null;
};

/** A reference as a chip in a prompt shows it: the name the composer showed, its picture. */
export type ReferenceChipView = {
  kind: string;
  /** Position inside its own list; `<<<image_1>>>` is the image at position 0. */
  position: number;
  /** "Image 1", "Video", an element's own name. */
  label: string;
  thumbnailUrl: string | null;
};
