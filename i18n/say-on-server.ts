import "server-only";
import { cookies, headers } from "next/headers";
// use-intl's core, not "next-intl": the same createTranslator without React, so plain Node
// under the react-server condition (the worker's tests, the benchmarks) can load this too.
import { createTranslator } from "use-intl/core";
import type { MessageKey, MessageValues } from "./local-message";
import { sayMessage } from "./local-message";
import { DEFAULT_LOCALE, LOCALE_COOKIE, type Locale, pickLocale } from "./locales";
import { loadMessages } from "./messages";

/**
 * The server's `sayMessage`, in the language of this request (the "Language" cookie, else
 * Accept-Language). Outside a request (the worker, a script, a unit test) it speaks the
 * default language: `cookies()` throws there.
 */
export async function sayOnServer(locale?: Locale): Promise<(message: string) => string> {
  const chosen = locale ?? (await localeOfThisRequest());
  const t = createTranslator({ locale: chosen, messages: await loadMessages(chosen) });
  const say = t as unknown as (key: MessageKey, values?: MessageValues) => string;
  return (message) => sayMessage(say, message);
}

/**
 * The "Language" cookie, else Accept-Language; the default outside a request. Also what
 * next-intl's request config (i18n/request.ts) uses, so pages and refusals agree.
 */
export async function localeOfThisRequest(): Promise<Locale> {
  try {
    const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
    return pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  } catch {
    return DEFAULT_LOCALE;
  }
}
