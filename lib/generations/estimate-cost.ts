import type { Mode } from "./limits";

/**
 * Kling's list prices in USD per output second (kling.ai/dev/pricing, 2026-05-29), the
 * defaults until CometAPI publishes its own. An estimate, labelled as such in the UI.
 */
export const KLING_LIST_PRICE_PER_SECOND: Record<
  Mode,
  { withoutVideo: number; withVideo: number }
> = {
  std: { withoutVideo: 0.084, withVideo: 0.126 },
  pro: { withoutVideo: 0.112, withVideo: 0.168 },
};

export function estimateCostUsd(input: { mode: Mode; seconds: number; hasVideo: boolean }): number {
  const price = KLING_LIST_PRICE_PER_SECOND[input.mode];
  const perSecond = input.hasVideo ? price.withVideo : price.withoutVideo;
  return Math.round(perSecond * input.seconds * 1000) / 1000;
}

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(amount < 1 ? 3 : 2)}`;
}
