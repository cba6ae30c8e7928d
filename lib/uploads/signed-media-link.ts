import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { localMessage } from "@/i18n/local-message";
import { getSessionSecret } from "@/lib/auth/session-secret";
import { AppError } from "@/lib/errors";
import { encodeMediaPath } from "@/lib/storage/media-url";

/**
 * Links to stored files for the provider to fetch (uploaded references now, any other file
 * later): `/api/provider-media/<path>?expires=<epoch s>&sig=<HMAC>`. They work without a
 * session, which the provider has not got, and only for the one file and until the time
 * they were signed for. The proxy lets exactly these through; the route checks them again.
 */
export const SIGNED_MEDIA_PREFIX = "/api/provider-media/";

/** The key is derived from the server secret for this one purpose, never the session key itself. */
const KEY_PURPOSE = "omni-studio provider-media-link v1";

let cached: { secret: Buffer; key: Buffer } | undefined;

function linkKey(secret = getSessionSecret()): Buffer {
  if (cached?.secret !== secret) {
    cached = { secret, key: createHmac("sha256", secret).update(KEY_PURPOSE).digest() };
  }
  return cached.key;
}

function signature(mediaPath: string, expires: number, secret?: Buffer): string {
  return createHmac("sha256", linkKey(secret))
    .update(`${mediaPath}\n${expires}`)
    .digest("base64url");
}

/**
 * The path and query of a link to `mediaPath` (relative to MEDIA_DIR) valid until `expiresAt`.
 * `secret` is for a caller outside the studio's process (a test signing for a running server).
 */
export function signedMediaPath(mediaPath: string, expiresAt: Date, secret?: Buffer): string {
  const expires = Math.ceil(expiresAt.getTime() / 1000);
  const sig = signature(mediaPath, expires, secret);
  return `${SIGNED_MEDIA_PREFIX}${encodeMediaPath(mediaPath)}?expires=${expires}&sig=${sig}`;
}

export type SignedLinkVerdict = { ok: true; mediaPath: string } | { ok: false; error: AppError };

/**
 * Checks a request URL: 401 when it carries no signature, 403 when the signature does not
 * match this exact file and expiry (tampered) or the link has expired.
 */
export function verifySignedMediaUrl(url: URL, now = Date.now()): SignedLinkVerdict {
  const mediaPath = decodeMediaPath(url.pathname);
  const expiresText = url.searchParams.get("expires");
  const sig = url.searchParams.get("sig");
  if (!expiresText || !sig) {
    return refuse("unauthorized", localMessage("serverErrors.linkNotSigned"));
  }
  const expires = /^\d{1,12}$/.test(expiresText) ? Number(expiresText) : Number.NaN;
  const given = Buffer.from(sig);
  const expected = Buffer.from(
    mediaPath && Number.isSafeInteger(expires) ? signature(mediaPath, expires) : "",
  );
  if (!mediaPath || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return refuse("forbidden", localMessage("serverErrors.linkSignatureWrong"));
  }
  if (now >= expires * 1000) return refuse("forbidden", localMessage("serverErrors.linkExpired"));
  return { ok: true, mediaPath };
}

/** True for a GET/HEAD of a validly signed link: what the proxy lets through without a session. */
export function isSignedMediaRequest(method: string, url: URL): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!url.pathname.startsWith(SIGNED_MEDIA_PREFIX)) return false;
  return verifySignedMediaUrl(url).ok;
}

function decodeMediaPath(pathname: string): string | undefined {
  if (!pathname.startsWith(SIGNED_MEDIA_PREFIX)) return undefined;
  try {
    const segments = pathname.slice(SIGNED_MEDIA_PREFIX.length).split("/").map(decodeURIComponent);
    return segments.every((segment) => segment !== "") ? segments.join("/") : undefined;
  } catch {
    return undefined;
  }
}

function refuse(code: "unauthorized" | "forbidden", message: string): SignedLinkVerdict {
  return { ok: false, error: new AppError(code, message) };
}
