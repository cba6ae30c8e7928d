import { TIME_ZONE } from "@/i18n/time-zone";
import { cachedFormat } from "./cached-format";

/**
 * Moments as each language writes them. Apart from locale-format.ts because gallery cards
 * need only this, and the gallery counts its first-load bytes. One formatter per language.
 */

/** A moment with its zone named: "Dec 2, 2026, 16:40:12 UTC" / "2026년 12월 2일 16시 40분 12초 UTC". */
export function formatDateTimeIn(locale: string, iso: string): string {
  return cachedFormat(
    `date-time:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        year: "numeric",
        month: "short",
        day: "numeric",
        // A 24-hour clock reads the same on the server and in every browser.
        hour: "2-digit",
        hourCycle: "h23",
        minute: "2-digit",
        second: "2-digit",
        timeZone: TIME_ZONE,
        timeZoneName: "short",
      }),
  ).format(new Date(iso));
}
