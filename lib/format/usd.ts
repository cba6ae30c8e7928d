import { cachedFormat } from "./cached-format";

/**
 * US dollars as each language writes them: "$0.42" / "US$0.42", always two decimals. Apart
 * from locale-format.ts because every page that shows a price needs only this (the gallery
 * counts its first-load bytes).
 */
export function formatUsdIn(locale: string, amount: number): string {
  return cachedFormat(
    `usd:${locale}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: "currency",
        currency: "USD",
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }),
  ).format(amount);
}
