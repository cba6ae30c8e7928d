import "server-only";
import { cookies, headers } from "next/headers";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/security/client-address";
import { safeNextPath } from "./public-paths";
import { getSessionKeys } from "./session";
import { sessionCookieOptions } from "./session-cookie";
import { createSession, endAllSessions, endSession } from "./session-store";
import { passwordMatches, SESSION_COOKIE, verifySessionToken } from "./session-token";
import { signInLimiter } from "./sign-in-limiter";

/**
 * Checks the password, opens a session and sets its cookie. Wrong guesses are counted per
 * address before the password is even compared, so a guesser is slowed whatever they send.
 */
export async function signIn(form: FormData): Promise<{ next: string }> {
  const keys = getSessionKeys();
  const next = safeNextPath(form.get("next"));
  if (!keys) return { next };
  const requestHeaders = await headers();
  const address = clientAddressOf(requestHeaders);
  const wait = signInLimiter.retryAfterSeconds(address);
  if (wait > 0) {
    // The wait travels in `detail` so the action can say it in the reader's language.
    throw new AppError(
      "rate_limited",
      localMessage("serverErrors.tooManySignIns", { seconds: wait }),
      {
        detail: { retryAfterSeconds: wait },
      },
    );
  }
  if (!passwordMatches(keys.password, form.get("password"))) {
    signInLimiter.hit(address);
    throw new AppError("unauthorized", localMessage("serverErrors.wrongPassword"));
  }
  const { token } = await createSession(keys);
  (await cookies()).set(SESSION_COOKIE, token, sessionCookieOptions(requestHeaders));
  return { next };
}

/** Ends this browser's session on the server (the cookie is worthless afterwards) and clears it. */
export async function signOut(): Promise<void> {
  const store = await cookies();
  const keys = getSessionKeys();
  const session = keys ? verifySessionToken(keys, store.get(SESSION_COOKIE)?.value) : null;
  if (session) await endSession(session.id);
  store.set(SESSION_COOKIE, "", { ...sessionCookieOptions(await headers()), maxAge: 0 });
}

/** Ends every session, on every browser and device, this one included. Needs a session. */
export async function signOutEverywhere(): Promise<{ ended: number }> {
  const ended = await endAllSessions();
  const store = await cookies();
  store.set(SESSION_COOKIE, "", { ...sessionCookieOptions(await headers()), maxAge: 0 });
  return { ended };
}
