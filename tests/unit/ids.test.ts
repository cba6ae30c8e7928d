import { describe, expect, it } from "vitest";
import { newId, newSecretId } from "@/lib/ids";

describe("ids", () => {
  it("are prefixed and sort by creation time", () => {
    const earlier = newId("gen", 1_700_000_000_000);
    const later = newId("gen", 1_700_000_000_001);
    expect(earlier).toMatch(/^gen_[0-9a-z]{22}$/);
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });

  it("share ids are long and distinct", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newSecretId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toHaveLength(32);
  });
});
