import { describe, expect, it } from "vitest";
import { localMessage } from "@/i18n/local-message";
import { sayOnServer } from "@/i18n/say-on-server";
import { describeFailure } from "@/lib/cometapi/classify-failure";
import { failureExplanationKey, failureNeedsEdit } from "@/lib/generations/failure-advice";

/**
 * A failed generation's stored errorMessage is a catalog message (failureDetails) with the
 * provider's own words inside, said in the reader's language where it is shown; rows stored
 * before that hold plain English, which still reads as it was and still steers the advice.
 */
async function inBoth(message: string): Promise<{ en: string; ko: string }> {
  return { en: (await sayOnServer("en"))(message), ko: (await sayOnServer("ko"))(message) };
}

const failed = (errorCode: string, errorMessage: string) => ({
  status: "failed",
  errorCode,
  errorMessage,
});

describe("stored failure details", () => {
  it("a content-policy block reads in both languages, the provider's words untouched", async () => {
    const stored = describeFailure("content_policy", 400, "prompt flagged: weapon");
    expect(await inBoth(stored)).toEqual({
      en: "The provider blocked this request under its content policy. The provider said: prompt flagged: weapon",
      ko: "제공업체가 콘텐츠 정책에 따라 이 요청을 차단했습니다. 제공업체 메시지: prompt flagged: weapon",
    });
    expect(failureExplanationKey(failed("provider_rejected", stored))).toBe("contentPolicy");
    expect(failureNeedsEdit(failed("provider_rejected", stored))).toBe(true);
  });

  it("an invalid request is told apart by its key, even wrapped in another message", async () => {
    const stored = localMessage("failureDetails.ambiguous", {
      reason: describeFailure("invalid_request", 400, ""),
    });
    expect((await inBoth(stored)).en).toBe(
      "CometAPI rejected the request. The video may or may not have been created, so it was not sent again.",
    );
    expect(failureExplanationKey(failed("provider_rejected", stored))).toBe("invalidRequest");
    expect(failureNeedsEdit(failed("provider_rejected", stored))).toBe(true);
  });

  it("an outage is worth retrying as it is, and names its HTTP status", async () => {
    const stored = describeFailure("upstream", 503, "");
    expect(await inBoth(stored)).toEqual({
      en: "CometAPI is unavailable right now (HTTP 503); try again later.",
      ko: "지금은 CometAPI를 사용할 수 없습니다(HTTP 503). 나중에 다시 시도하세요.",
    });
    expect(failureNeedsEdit(failed("provider_unavailable", stored))).toBe(false);
    expect(failureExplanationKey(failed("provider_unavailable", stored))).toBe(
      "provider_unavailable",
    );
  });

  it("the worker's notes count in each language", async () => {
    const said = await inBoth(localMessage("failureDetails.timedOut", { minutes: 1 }));
    expect(said.en).toMatch(/^The provider did not finish within 1 minute\. /);
    expect(said.ko).toMatch(/^제공업체가 1분 안에 끝내지 못했습니다\. /);
    const saving = await inBoth(
      localMessage("failureDetails.saveFailed", {
        reason: localMessage("failureDetails.resultHttp", { status: 410 }),
      }),
    );
    expect(saving.ko).toBe(
      "영상을 저장할 수 없었습니다: 결과 다운로드가 HTTP 410(으)로 응답했습니다.",
    );
  });

  it("rows stored as plain English still display as they are and steer the advice", async () => {
    const old = "CometAPI rejected the request: bad duration";
    expect(await inBoth(old)).toEqual({ en: old, ko: old });
    expect(failureExplanationKey(failed("provider_rejected", old))).toBe("invalidRequest");
    const oldBlock = "The provider blocked this request under its content policy: nudity";
    expect(failureExplanationKey(failed("provider_rejected", oldBlock))).toBe("contentPolicy");
  });
});
