import "server-only";
import { cookies, headers } from "next/headers";
import { AppError } from "@/lib/errors";
import { safeNextPath } from "./public-paths";
import { clientAddressOf, getSessionKeys } from "./session";
import { sessionCookieOptions } from "./session-cookie";
import { passwordMatches, SESSION_COOKIE, SESSION_TTL_MS, signSessionToken } from "./session-token";
import { signInLimiter } from "./sign-in-limiter";

/**
 * Checks the password and sets the session cookie. Wrong guesses are counted per address
 * before the password is even compared, so a guesser is slowed whatever they send.
 */
export async function signIn(form: FormData): Promise<{ next: string }> {
  const keys = getSessionKeys();
  const next = safeNextPath(form.get("next"));
  if (!keys) return { next };
  const requestHeaders = await headers();
  const address = clientAddressOf(requestHeaders);
  const wait = signInLimiter.retryAfterSeconds(address);
  if (wait > 0) {
    throw new AppError("rate_limited", `Too many attempts. Try again in ${wait} s.`);
  }
  if (!passwordMatches(keys.password, form.get("password"))) {
    signInLimiter.hit(address);
    throw new AppError("unauthorized", "That password is not right.");
  }
  const token = signSessionToken(keys, Date.now() + SESSION_TTL_MS);
  (await cookies()).set(SESSION_COOKIE, token, sessionCookieOptions(requestHeaders));
  return { next };
}

export async function signOut(): Promise<void> {
  const store = await cookies();
  store.set(SESSION_COOKIE, "", { ...sessionCookieOptions(await headers()), maxAge: 0 });
}
