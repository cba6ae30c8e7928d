"use server";

import { redirect } from "next/navigation";
import { SIGN_IN_PATH } from "@/lib/auth/public-paths";
import { signOutEverywhere } from "@/lib/auth/sign-in";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";

/**
 * "Sign out everywhere" (useActionState form action): ends every session — a cookie copied
 * from any browser stops working at once — then goes to the sign-in page. Needs a session,
 * so a page elsewhere cannot sign the owner out.
 */
export async function signOutEverywhereAction(
  _previous?: unknown,
  _form?: FormData,
): Promise<ActionResult<{ ended: number }>> {
  const result = await runAction("signOutEverywhereAction", () => signOutEverywhere());
  if (!result.ok) return result;
  // Outside runAction: redirect() works by throwing.
  redirect(SIGN_IN_PATH);
}
