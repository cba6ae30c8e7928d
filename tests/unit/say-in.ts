import { createTranslator } from "next-intl";
import { type MessageKey, type MessageValues, sayMessage } from "@/i18n/local-message";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";

/** Puts rule messages (localMessages) into words as a reader of `locale` reads them. */
export function sayIn(locale: "en" | "ko"): (message: string) => string {
  const t = createTranslator({ locale, messages: locale === "en" ? en : ko });
  return (message) =>
    sayMessage(t as unknown as (key: MessageKey, values?: MessageValues) => string, message);
}

export const sayInEnglish = sayIn("en");
