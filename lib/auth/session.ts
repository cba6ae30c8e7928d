import "server-only";
import { cookies, headers } from "next/headers";
import { localMessage } from "@/i18n/local-message";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/security/client-address";
import { getSessionSecret } from "./session-secret";
import { isLiveSession } from "./session-store";
import {
  SESSION_COOKIE,
  type SessionKeys,
  sessionHandle,
  verifySessionToken,
} from "./session-token";

/**
 * Who is asking. `key` identifies the caller for rate limits: the session when sign-in is
 * on, otherwise the client address (the studio is then open to whoever can reach it).
 */
export type Session = { key: string; signedIn: boolean };

export function isAuthEnabled(): boolean {
  return getEnv().studioPassword !== undefined;
}

export function getSessionKeys(): SessionKeys | undefined {
  const password = getEnv().studioPassword;
  return password === undefined ? undefined : { secret: getSessionSecret(), password };
}

/**
 * Checks a raw cookie value; used by proxy.ts and by routes that get a Request. A genuine,
 * unexpired cookie counts only while its session row exists (signing out deletes it).
 */
export async function sessionFromCookieValue(
  value: string | undefined,
  clientAddress = "local",
): Promise<Session | null> {
  const keys = getSessionKeys();
  if (!keys) return { key: `open:${clientAddress}`, signedIn: false };
  const verified = verifySessionToken(keys, value);
  if (!verified || !(await isLiveSession(verified.id))) return null;
  return { key: `session:${sessionHandle(verified.id)}`, signedIn: true };
}

/** For route handlers: the session of this request, or null. */
export function getRequestSession(request: Request): Promise<Session | null> {
  return sessionFromCookieValue(
    readCookie(request.headers.get("cookie"), SESSION_COOKIE),
    clientAddressOf(request.headers),
  );
}

/** For route handlers: throws `unauthorized` (→ 401) without a valid session. */
export async function requireRequestSession(request: Request): Promise<Session> {
  const session = await getRequestSession(request);
  if (!session) throw unauthorized();
  return session;
}

/**
 * For server actions and server components. Actions are POSTs to whatever page they are
 * used on, so proxy.ts alone cannot be trusted to have checked them: every action calls this.
 */
export async function requireSession(): Promise<Session> {
  let value: string | undefined;
  let address = "local";
  try {
    value = (await cookies()).get(SESSION_COOKIE)?.value;
    address = clientAddressOf(await headers());
  } catch {
    // Called outside a request (scripts, tests): there is no cookie to show.
  }
  const session = await sessionFromCookieValue(value, address);
  if (!session) throw unauthorized();
  return session;
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

function unauthorized(): AppError {
  return new AppError("unauthorized", localMessage("serverErrors.signInRequired"));
}
