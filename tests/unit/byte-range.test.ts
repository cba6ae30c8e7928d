import { describe, expect, it } from "vitest";
import { parseByteRange } from "@/lib/http/byte-range";

describe("parseByteRange", () => {
  it.each([
    [null, 1000, null],
    ["bytes=0-99", 1000, { start: 0, end: 99 }],
    ["bytes=500-", 1000, { start: 500, end: 999 }],
    ["bytes=-100", 1000, { start: 900, end: 999 }],
    ["bytes=0-5000", 1000, { start: 0, end: 999 }],
    ["bytes=-5000", 1000, { start: 0, end: 999 }],
    ["bytes=0-0,5-9", 1000, null],
    ["bytes=1000-", 1000, "unsatisfiable"],
    ["bytes=9-3", 1000, "unsatisfiable"],
    ["bytes=-0", 1000, "unsatisfiable"],
    ["bytes=-", 1000, "unsatisfiable"],
    ["items=0-1", 1000, "unsatisfiable"],
    ["bytes=abc-def", 1000, "unsatisfiable"],
    ["bytes=99999999999999999999-", 1000, "unsatisfiable"],
  ] as const)("%s of %i bytes → %j", (header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });
});
