/**
 * The studio's languages. Shared (no directive): the negotiation runs in the request config,
 * in the share route and in tests alike. A third language is one more entry here and one
 * more file in messages/.
 */
export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];

/** For a browser that names no language we know. */
export const DEFAULT_LOCALE: Locale = "en";

/** Remembers the choice made with the "Language" select (next-intl's usual name). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language in its own words, as the "Language" select lists it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", ko: "한국어" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header ("ko-KR,ko;q=0.9,en;q=0.8"):
 * highest q first, matched on the primary subtag; ties keep the header's order.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split("-")[0] ?? "", quality, index };
    })
    .filter((range) => range.primary && Number.isFinite(range.quality) && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    if (isLocale(range.primary)) return range.primary;
  }
  return DEFAULT_LOCALE;
}

/** The saved choice wins; otherwise what the browser asks for. */
export function pickLocale(saved: string | undefined, acceptLanguage: string | null): Locale {
  return isLocale(saved) ? saved : negotiateLocale(acceptLanguage);
}

/** Reads one cookie from a raw Cookie header (route handlers that get a plain Request). */
export function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}
