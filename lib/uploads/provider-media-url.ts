import "server-only";
import { isIP } from "node:net";
import { getEnv } from "@/lib/env";
import { classifyAddress } from "@/lib/security/ip-address";
import { mediaUrl } from "@/lib/storage/media-url";

export type MediaBase =
  | { ok: true; base: string; public: boolean }
  | { ok: false; problem: string };

export const NOT_REACHABLE_MESSAGE =
  "This studio is not reachable from the internet (PUBLIC_BASE_URL is not set to a public address), so the provider could not fetch an uploaded video. Set PUBLIC_BASE_URL to the studio's public https address, or give the video as a public https link.";

/**
 * The origin the provider can fetch the studio's files from. A video must go as a URL, so
 * without a public PUBLIC_BASE_URL there is none — except in demo mode, where the built-in
 * simulator runs in this process and fetches loopback.
 */
export function providerMediaBase(): MediaBase {
  const env = getEnv();
  if (env.publicBaseUrl && isPublicOrigin(env.publicBaseUrl)) {
    return { ok: true, base: env.publicBaseUrl, public: true };
  }
  if (env.demoMode) {
    return { ok: true, base: env.publicBaseUrl ?? `http://127.0.0.1:${env.port}`, public: false };
  }
  return { ok: false, problem: NOT_REACHABLE_MESSAGE };
}

/** The absolute URL of a stored file for the provider, or null when it cannot reach us. */
export function providerUrlFor(mediaPath: string): string | null {
  const base = providerMediaBase();
  return base.ok ? `${base.base}${mediaUrl(mediaPath)}` : null;
}

/** True for an http(s) origin whose host is a public name or a public IP address. */
export function isPublicOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isIP(host)) return classifyAddress(host) === "public";
  if (!host.includes(".")) return false;
  return !/\.(localhost|local|internal|lan|home|corp|test|invalid|example)$/.test(host);
}
