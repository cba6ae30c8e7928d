"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/sign-in";
import { isAppError } from "@/lib/errors";
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
    if (isAppError(error)) return { error: error.message };
    logError("signInAction", error);
    return { error: "Something went wrong on the server." };
  }
  // Outside the try: redirect() works by throwing.
  redirect(next);
}
