import "server-only";
import { cookies, headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getSessionSecret } from "./session-secret";
import { SESSION_COOKIE, type SessionKeys, verifySessionToken } from "./session-token";

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

/** Checks a raw cookie value; used by proxy.ts and by routes that get a Request. */
export function sessionFromCookieValue(
  value: string | undefined,
  clientAddress = "local",
): Session | null {
  const keys = getSessionKeys();
  if (!keys) return { key: `open:${clientAddress}`, signedIn: false };
  const verified = verifySessionToken(keys, value);
  return verified ? { key: `session:${verified.id}`, signedIn: true } : null;
}

/** For route handlers: the session of this request, or null. */
export function getRequestSession(request: Request): Session | null {
  return sessionFromCookieValue(
    readCookie(request.headers.get("cookie"), SESSION_COOKIE),
    clientAddressOf(request.headers),
  );
}

/** For route handlers: throws `unauthorized` (→ 401) without a valid session. */
export function requireRequestSession(request: Request): Session {
  const session = getRequestSession(request);
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
  const session = sessionFromCookieValue(value, address);
  if (!session) throw unauthorized();
  return session;
}

export function clientAddressOf(source: Headers): string {
  // Behind a proxy the first hop is the client; without one Next still fills this in.
  const forwarded = source.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || source.get("x-real-ip") || "unknown").slice(0, 64);
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
  return new AppError("unauthorized", "Please sign in to use the studio.");
}
