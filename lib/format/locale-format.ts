/**
 * Numbers and durations as each language writes them, all through Intl (money is in usd.ts,
 * moments in date-time.ts).
 * Shared (no directive): server components pass getLocale(), client ones useLocale(). The
 * formatters are cached per language (cached-format.ts).
 */
import { cachedFormat } from "./cached-format";

export function formatNumberIn(locale: string, value: number, fractionDigits = 0): string {
  return cachedFormat(
    `number:${locale}:${fractionDigits}`,
    () =>
      new Intl.NumberFormat(locale, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }),
  ).format(value);
}

function unit(locale: string, name: "second" | "minute", value: number): string {
  return cachedFormat(
    `unit:${locale}:${name}`,
    () => new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "narrow" }),
  ).format(value);
}

/** Whole seconds as a short duration: "45s", "2m 5s" / "45초", "2분 5초". */
export function formatDurationIn(locale: string, totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return unit(locale, "second", seconds);
  const parts = [unit(locale, "minute", Math.floor(seconds / 60))];
  if (seconds % 60) parts.push(unit(locale, "second", seconds % 60));
  return cachedFormat(
    `list:${locale}`,
    () => new Intl.ListFormat(locale, { type: "unit", style: "narrow" }),
  ).format(parts);
}
