import { describe, expect, it } from "vitest";
import { cookieValue, negotiateLocale, pickLocale } from "@/i18n/locales";
import { formatDateTimeIn } from "@/lib/format/date-time";
import { formatDurationIn, formatNumberIn } from "@/lib/format/locale-format";
import { formatUsdIn } from "@/lib/format/usd";
import { formatUsd } from "@/lib/generations/estimate-cost";

describe("choosing the language", () => {
  it("follows Accept-Language by quality, then by order, on the primary subtag", () => {
    expect(negotiateLocale("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("ko");
    expect(negotiateLocale("en-GB,en;q=0.9,ko;q=0.8")).toBe("en");
    expect(negotiateLocale("ja;q=0.9,ko;q=0.5,en;q=0.4")).toBe("ko");
    expect(negotiateLocale("en;q=0.2, ko;q=0.8")).toBe("ko");
    expect(negotiateLocale("ko;q=0, en")).toBe("en");
  });

  it("falls back to English for nothing or nothing we speak", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("fr-FR,de;q=0.8")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
  });

  it("lets the remembered choice win over the browser, and ignores a forged one", () => {
    expect(pickLocale("en", "ko-KR")).toBe("en");
    expect(pickLocale("ko", "en-US")).toBe("ko");
    expect(pickLocale("xx", "ko-KR")).toBe("ko");
    expect(pickLocale(undefined, "en")).toBe("en");
  });

  it("reads the cookie from a raw Cookie header", () => {
    expect(cookieValue("a=1; NEXT_LOCALE=ko; b=2", "NEXT_LOCALE")).toBe("ko");
    expect(cookieValue("NEXT_LOCALE_X=ko", "NEXT_LOCALE")).toBeUndefined();
    expect(cookieValue(null, "NEXT_LOCALE")).toBeUndefined();
  });
});

describe("formatting per language", () => {
  it("writes US dollars the way each language does", () => {
    expect(formatUsdIn("en", 1234.5)).toBe("$1,234.50");
    expect(formatUsdIn("ko", 1234.5)).toBe("US$1,234.50");
    expect(formatUsd(0.42, "en")).toBe("$0.42");
    expect(formatUsd(0.42, "ko")).toBe("US$0.42");
  });

  it("writes numbers, durations and UTC times per language", () => {
    expect(formatNumberIn("en", 12345.678, 1)).toBe("12,345.7");
    expect(formatDurationIn("en", 45)).toBe("45s");
    expect(formatDurationIn("ko", 45)).toBe("45초");
    expect(formatDurationIn("en", 125)).toBe("2m 5s");
    expect(formatDurationIn("ko", 125)).toBe("2분 5초");
    expect(formatDurationIn("ko", 120)).toBe("2분");
    const at = "2026-12-02T06:40:12.000Z";
    expect(formatDateTimeIn("en", at)).toBe("Dec 2, 2026, 06:40:12 UTC");
    expect(formatDateTimeIn("ko", at)).toBe("2026년 12월 2일 06시 40분 12초 UTC");
  });
});
