import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * A session is a signed expiry, nothing more: `v1.<expires ms>.<HMAC>`. The HMAC also covers
 * a fingerprint of the password, so changing STUDIO_PASSWORD signs everyone out.
 */
export const SESSION_COOKIE = "omni_session";
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type SessionKeys = { secret: Buffer; password: string };

export function signSessionToken(keys: SessionKeys, expiresAt: number): string {
  const payload = `v1.${expiresAt}`;
  return `${payload}.${mac(keys, payload)}`;
}

/** Returns the session's expiry when the token is genuine and unexpired, otherwise null. */
export function verifySessionToken(
  keys: SessionKeys,
  token: string | undefined,
  now: number = Date.now(),
): { expiresAt: number; id: string } | null {
  if (!token || token.length > 200) return null;
  const match = /^v1\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, expiresText = "", signature = ""] = match;
  const expected = Buffer.from(mac(keys, `v1.${expiresText}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = Number(expiresText);
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= now) return null;
  // A stable, non-secret handle for per-session rate limits.
  const id = createHash("sha256").update(signature).digest("base64url").slice(0, 16);
  return { expiresAt, id };
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
