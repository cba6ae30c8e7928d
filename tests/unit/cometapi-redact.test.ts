import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "@/lib/cometapi/errors";
import { redactAndTruncate, redactSecrets } from "@/lib/cometapi/redact";
import { computeRetryDelay, DEFAULT_RETRY } from "@/lib/cometapi/retry";

describe("redactSecrets", () => {
  it("removes a known secret wherever it appears", () => {
    expect(redactSecrets("key=abc123secret; again abc123secret", ["abc123secret"])).toBe(
      "key=[redacted]; again [redacted]",
    );
  });

  it("removes bearer tokens and sk- keys it was not told about", () => {
    expect(redactSecrets("Authorization: Bearer eyJhbGciOi.x-y_z")).toBe(
      "Authorization: Bearer [redacted]",
    );
    expect(redactSecrets("bad key sk-AbCdEf0123456789 given")).toBe("bad key [redacted] given");
  });

  it("leaves ordinary text and too-short secrets alone", () => {
    expect(redactSecrets("task failed: Image pixel is invalid", ["ab", undefined])).toBe(
      "task failed: Image pixel is invalid",
    );
  });

  it("redacts before truncating, so a key at the cut is not half kept", () => {
    const secret = "sk-zzzzzzzzzzzzzzzzzzzz";
    const text = `${"a".repeat(15)}${secret}`;
    const result = redactAndTruncate(text, [secret], 20);
    expect(result).not.toContain("sk-zzz");
    expect(result.startsWith("aaaaaaaaaaaaaaa[red")).toBe(true);
  });
});

describe("retry timing", () => {
  it("parses Retry-After in seconds and as an HTTP date", () => {
    const now = Date.parse("2026-05-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter("Fri, 01 May 2026 00:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Thu, 30 Apr 2026 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("uses full jitter under an exponential ceiling capped at maxDelayMs", () => {
    const options = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(computeRetryDelay(0, options, undefined, () => 0.999)).toBe(99);
    expect(computeRetryDelay(2, options, undefined, () => 0.999)).toBe(399);
    expect(computeRetryDelay(10, options, undefined, () => 0.999)).toBe(999);
    expect(computeRetryDelay(3, options, undefined, () => 0)).toBe(0);
  });

  it("prefers Retry-After, within its cap", () => {
    const options = { ...DEFAULT_RETRY, retryAfterCapMs: 10_000 };
    expect(computeRetryDelay(0, options, 4_000, () => 0)).toBe(4_000);
    expect(computeRetryDelay(0, options, 60_000, () => 0)).toBe(10_000);
  });
});
