import { localMessage } from "@/i18n/local-message";
import { formatUsdIn } from "@/lib/format/usd";
import type { Mode } from "@/lib/kling-contract/limits";
import { DEFAULT_MODEL, type ModelName } from "@/lib/kling-contract/models";
import {
  KLING_LIST_PRICE_PER_SECOND,
  type PriceInfo,
  type PriceTable,
} from "@/lib/kling-contract/prices";

export type CostInput = {
  model?: ModelName | undefined;
  mode: Mode;
  seconds: number;
  hasVideo: boolean;
  /** v3 only; the rules keep it off beside a video, and O1 has no sound price. */
  sound?: boolean | undefined;
};

export function estimateCostUsd(
  input: CostInput,
  table: PriceTable = KLING_LIST_PRICE_PER_SECOND,
): number {
  const modePrice = table[input.model ?? DEFAULT_MODEL][input.mode];
  const perSecond = input.hasVideo
    ? modePrice.withVideo
    : input.sound
      ? (modePrice.withSound ?? modePrice.withoutVideo)
      : modePrice.withoutVideo;
  return Math.round(perSecond * input.seconds * 1000) / 1000;
}

/**
 * The one way an amount reads, wherever it is shown, in the reader's language: "$0.42" /
 * "US$0.42".
 */
export function formatUsd(amount: number, locale: string): string {
  return formatUsdIn(locale, amount);
}

/** Which prices the estimate uses, as a local message: show it through say / useSay. */
export function priceLabel(info: PriceInfo): string {
  return localMessage(info.source === "kling-list" ? "pricing.klingList" : "pricing.configured");
}
