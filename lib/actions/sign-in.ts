"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/lib/auth/sign-in";
import { type AppError, isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";

export type SignInState = { error?: string };

/**
 * Form action for the sign-in page (useActionState); redirects on success. The one action
 * that must run without a session, so it does not go through runAction (which may require one).
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  let next: string;
  try {
    ({ next } = await signIn(form));
  } catch (error) {
    if (isAppError(error)) return { error: await explain(error) };
    logError("signInAction", error);
    return { error: (await getTranslations("signIn"))("serverError") };
  }
  // Outside the try: redirect() works by throwing.
  redirect(next);
}

/** The sign-in page's two refusals, in the reader's language. */
async function explain(error: AppError): Promise<string> {
  const t = await getTranslations("signIn");
  if (error.code === "rate_limited") {
    const detail = error.detail as { retryAfterSeconds?: number } | undefined;
    return t("tooManyAttempts", { seconds: detail?.retryAfterSeconds ?? 60 });
  }
  if (error.code === "unauthorized") return t("wrongPassword");
  return t("serverError");
}
