import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The session cookie: `v2.<session id>.<expires ms>.<HMAC>`. The HMAC (server secret, and a
 * fingerprint of the password, so changing STUDIO_PASSWORD signs everyone out) makes it
 * unforgeable; the id names a row in the Session table (session-store.ts), and the cookie is
 * honoured only while that row exists, so signing out ends it on the server, not just in the
 * browser that signed out.
 */
export const SESSION_COOKIE = "omni_session";
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type SessionKeys = { secret: Buffer; password: string };

/** 32 URL-safe characters (192 random bits). */
export function newSessionId(): string {
  return randomBytes(24).toString("base64url");
}

export function signSessionToken(keys: SessionKeys, id: string, expiresAt: number): string {
  const payload = `v2.${id}.${expiresAt}`;
  return `${payload}.${mac(keys, payload)}`;
}

/** The session's id and expiry when the token is genuine and unexpired, otherwise null. */
export function verifySessionToken(
  keys: SessionKeys,
  token: string | undefined,
  now: number = Date.now(),
): { id: string; expiresAt: number } | null {
  if (!token || token.length > 200) return null;
  const match = /^v2\.([A-Za-z0-9_-]{32})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id = "", expiresText = "", signature = ""] = match;
  const expected = Buffer.from(mac(keys, `v2.${id}.${expiresText}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = Number(expiresText);
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= now) return null;
  return { id, expiresAt };
}

/** A stable, non-secret handle for per-session rate limits (the id itself is a credential). */
export function sessionHandle(id: string): string {
  return createHash("sha256").update(id).digest("base64url").slice(0, 16);
}

/** Both sides hashed to one length first, so the comparison time says nothing about the password. */
export function passwordMatches(expected: string, given: unknown): boolean {
  if (typeof given !== "string" || given.length > 1024) return false;
  const a = createHash("sha256").update(expected, "utf8").digest();
  const b = createHash("sha256").update(given, "utf8").digest();
  return timingSafeEqual(a, b);
}

function mac(keys: SessionKeys, payload: string): string {
  const fingerprint = createHash("sha256").update(keys.password, "utf8").digest("hex");
  return createHmac("sha256", keys.secret).update(`${payload}.${fingerprint}`).digest("base64url");
}
