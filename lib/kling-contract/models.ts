/**
 * The two models the omni-video endpoint takes (contract §2 and §10) and the v3-only
 * limits. Shared by browser, server and simulator; the lead may fold this into the contract
 * constants module.
 */
import { MODEL_LABELS } from "./model-labels";

export const MODELS = ["kling-video-o1", "kling-v3-omni"] as const;
export type ModelName = (typeof MODELS)[number];
export const O1_MODEL: ModelName = "kling-video-o1";
export const V3_MODEL: ModelName = "kling-v3-omni";
/** Rows and requests from before the choice existed are O1 (Kling's own default too). */
export const DEFAULT_MODEL: ModelName = "kling-video-o1";

// Every model has its name, and nothing else does.
MODEL_LABELS satisfies Record<ModelName, string>;

export { MODEL_LABELS };

export function isModelName(value: unknown): value is ModelName {
  return (MODELS as readonly unknown[]).includes(value);
}

/** Longest output in seconds: O1 "3"–"10", v3 "3"–"15". */
export const MAX_SECONDS: Record<ModelName, number> = {
  "kling-video-o1": 10,
  "kling-v3-omni": 15,
};
export const MIN_SECONDS = 3;

export const SHOT_TYPES = ["customize", "intelligence"] as const;
export type ShotType = (typeof SHOT_TYPES)[number];
export const MAX_SHOTS = 6;
export const MAX_SHOT_PROMPT_CHARS = 512;
export const MIN_SHOT_SECONDS = 1;
