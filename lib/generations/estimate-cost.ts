import type { Mode } from "./limits";

/** USD per output second, by mode, with and without a reference video. */
export type PriceTable = Record<Mode, { withoutVideo: number; withVideo: number }>;

/**
 * Kling's list prices in USD per output second (kling.ai/dev/pricing, 2026-05-29), the
 * defaults until CometAPI publishes its own. An estimate, labelled as such in the UI.
 */
export const KLING_LIST_PRICE_PER_SECOND: PriceTable = {
  std: { withoutVideo: 0.084, withVideo: 0.126 },
  pro: { withoutVideo: 0.112, withVideo: 0.168 },
};

/** The table in force and how the UI should label it. */
export type PriceInfo = { table: PriceTable; source: "kling-list" | "configured" };

export const DEFAULT_PRICE_INFO: PriceInfo = {
  table: KLING_LIST_PRICE_PER_SECOND,
  source: "kling-list",
};

export function estimateCostUsd(
  input: { mode: Mode; seconds: number; hasVideo: boolean },
  table: PriceTable = KLING_LIST_PRICE_PER_SECOND,
): number {
  const modePrice = table[input.mode];
  const perSecond = input.hasVideo ? modePrice.withVideo : modePrice.withoutVideo;
  return Math.round(perSecond * input.seconds * 1000) / 1000;
}

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(amount < 1 ? 3 : 2)}`;
}

export function priceLabel(info: PriceInfo): string {
  return info.source === "kling-list"
    ? "at Kling list prices"
    : "at this studio's configured prices";
}
