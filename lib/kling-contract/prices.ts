import type { Mode } from "./limits";
import type { ModelName } from "./models";

/** USD per output second, by mode: without and with a reference video, and (v3) with sound. */
export type ModePrices = { withoutVideo: number; withVideo: number; withSound?: number };
export type PriceTable = Record<ModelName, Record<Mode, ModePrices>>;

/**
 * List prices in USD per output second, the defaults until CometAPI publishes its own; an
 * estimate, labelled as such in the UI. O1: kling.ai/dev/pricing (2026-05-29). Kling 3.0
 * Omni: one reseller's pro list (contract §10: 0.112, 0.14 with sound, 0.168 with a video);
 * its std row is that scaled by O1's std/pro ratio (0.75), as no source gives one.
 */
export const KLING_LIST_PRICE_PER_SECOND: PriceTable = {
  "kling-video-o1": {
    std: { withoutVideo: 0.084, withVideo: 0.126 },
    pro: { withoutVideo: 0.112, withVideo: 0.168 },
  },
  "kling-v3-omni": {
    std: { withoutVideo: 0.084, withVideo: 0.126, withSound: 0.105 },
    pro: { withoutVideo: 0.112, withVideo: 0.168, withSound: 0.14 },
  },
};

/** The table in force and how the UI should label it. */
export type PriceInfo = { table: PriceTable; source: "kling-list" | "configured" };

export const DEFAULT_PRICE_INFO: PriceInfo = {
  table: KLING_LIST_PRICE_PER_SECOND,
  source: "kling-list",
};
