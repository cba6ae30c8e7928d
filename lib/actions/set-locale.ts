"use server";

import { cookies } from "next/headers";
import { localMessage } from "@/i18n/local-message";
import { isLocale, LOCALE_COOKIE } from "@/i18n/locales";
import { sayOnServer } from "@/i18n/say-on-server";
import type { ActionResult } from "@/lib/errors";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * Remembers the language chosen with the "Language" select. Needs no session: the sign-in
 * page offers the select too, and a language is no secret. Anything but a known locale is
 * refused and changes nothing.
 */
export async function setLocaleAction(locale: unknown): Promise<ActionResult<null>> {
  if (!isLocale(locale)) {
    const say = await sayOnServer();
    return {
      ok: false,
      error: say(localMessage("serverErrors.unknownLanguage")),
      code: "invalid_input",
    };
  }
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
    sameSite: "lax",
    httpOnly: true,
  });
  return { ok: true, data: null };
}
