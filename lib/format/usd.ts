/**
 * US dollars as each language writes them: "$0.42" / "US$0.42", always two decimals. Apart
 * from locale-format.ts because every page that shows a price needs only this (the gallery
 * counts its first-load bytes).
 */
const formats = new Map<string, Intl.NumberFormat>();

export function formatUsdIn(locale: string, amount: number): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: "USD",
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formats.set(locale, format);
  }
  return format.format(amount);
}
