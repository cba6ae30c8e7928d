import { afterEach, describe, expect, it } from "vitest";
import { sayOnServer } from "@/i18n/say-on-server";
import {
  assertElementCreationOffered,
  ELEMENTS_VERDICT_TTL_MS,
  elementsKnownUnsupported,
  forgetElementsVerdict,
  rememberElementsUnsupported,
} from "@/lib/elements/elements-support-verdict";

afterEach(() => forgetElementsVerdict());

describe("the 'no element routes' verdict", () => {
  it("is remembered for a while, then the provider is asked again", async () => {
    const now = 1_000_000;
    expect(elementsKnownUnsupported(now)).toBe(false);
    rememberElementsUnsupported(now);
    expect(elementsKnownUnsupported(now + ELEMENTS_VERDICT_TTL_MS - 1)).toBe(true);
    const refusal = (() => {
      try {
        assertElementCreationOffered(now + 1);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect((await sayOnServer("en"))(refusal ?? "")).toMatch(/does not offer element creation/);
    expect((await sayOnServer("ko"))(refusal ?? "")).toMatch(/요소 생성을 지원하지 않습니다/);
    expect(elementsKnownUnsupported(now + ELEMENTS_VERDICT_TTL_MS)).toBe(false);
    expect(() => assertElementCreationOffered(now + ELEMENTS_VERDICT_TTL_MS)).not.toThrow();
  });
});
