import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import {
  isLocalMessage,
  localMessage,
  type MessageKey,
  type MessageValues,
  sayMessage,
} from "@/i18n/local-message";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";

function sayer(locale: "en" | "ko") {
  const t = createTranslator({ locale, messages: locale === "en" ? en : ko });
  return (message: string) =>
    sayMessage(t as unknown as (key: MessageKey, values?: MessageValues) => string, message);
}

describe("local messages", () => {
  it("carry a key and values through a plain string and are said per language", () => {
    const message = localMessage("errors.notUnderstood");
    expect(isLocalMessage(message)).toBe(true);
    expect(sayer("en")(message)).toBe("The request was not understood.");
    expect(sayer("ko")(message)).toBe("요청을 이해하지 못했습니다.");
  });

  it("say a message given as a value, and plurals by count", () => {
    const message = localMessage("errors.manyProblems", {
      count: 3,
      doing: "beforeGenerating",
      first: localMessage("errors.someSettings"),
    });
    expect(sayer("en")(message)).toBe(
      "3 things need fixing before generating. Some settings need fixing.",
    );
    expect(sayer("ko")(message)).toBe(
      "생성하기 전에 고칠 곳이 3군데 있습니다. 고쳐야 할 설정이 있습니다.",
    );
  });

  it("leave plain text (a provider's words, a person's prompt) as it is", () => {
    expect(sayer("ko")("Kling said no")).toBe("Kling said no");
  });
});
