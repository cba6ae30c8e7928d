import { createTranslator } from "next-intl";
import { type MessageKey, type MessageValues, sayMessage } from "@/i18n/local-message";
import en from "@/messages/en.json";

const t = createTranslator({ locale: "en", messages: en }) as unknown as (
  key: MessageKey,
  values?: MessageValues,
) => string;

/** A message from lib/ (plain, or a localMessage) as an English reader gets it. */
export function sayEnglish(message: string): string {
  return sayMessage(t, message);
}

/** The English words of what `work` was refused with. */
export async function refusalInEnglish(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    return sayEnglish((error as Error).message);
  }
  throw new Error("nothing was refused");
}
