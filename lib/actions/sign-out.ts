"use server";

import { redirect } from "next/navigation";
import { SIGN_IN_PATH } from "@/lib/auth/public-paths";
import { signOut } from "@/lib/auth/sign-in";
import { logError } from "@/lib/log";

/** Clears the session cookie. Needs no session: signing out is always allowed. */
export async function signOutAction(): Promise<void> {
  try {
    await signOut();
  } catch (error) {
    logError("signOutAction", error);
  }
  redirect(SIGN_IN_PATH);
}
