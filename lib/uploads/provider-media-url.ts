import "server-only";
import { isIP } from "node:net";
import { localMessage } from "@/i18n/local-message";
import { getEnv } from "@/lib/env";
import { parseHttpUrl } from "@/lib/http/parse-http-url";
import { classifyAddress } from "@/lib/security/ip-address";
import { signedMediaPath } from "./signed-media-link";

export type MediaBase =
  | { ok: true; base: string; public: boolean }
  | { ok: false; problem: string };

/**
 * Plain English: the worker stores it as a failed generation's details (stored texts are not
 * translated). What the composer shows is `problem`, said in the reader's language.
 */
export const NOT_REACHABLE_MESSAGE = localMessage("failureDetails.studioNotReachable");

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
  return { ok: false, problem: localMessage("composerRules.videoNotReachable") };
}

/**
 * The provider fetches a reference when it starts the task, which may be a while after the
 * create: a link stays valid for the worker's task timeout plus this much.
 */
export const PROVIDER_LINK_MARGIN_MS = 60 * 60_000;

/**
 * The signed, expiring URL of a stored file for the provider (see signed-media-link.ts),
 * made when the create is sent.
 */
export function providerUrlFor(
  mediaPath: string,
  base: Extract<MediaBase, { ok: true }>,
  now = Date.now(),
): string {
  const expiresAt = new Date(now + getEnv().worker.taskTimeoutMs + PROVIDER_LINK_MARGIN_MS);
  return `${base.base}${signedMediaPath(mediaPath, expiresAt)}`;
}

/** True for an http(s) origin whose host is a public name or a public IP address. */
export function isPublicOrigin(origin: string): boolean {
  const url = parseHttpUrl(origin);
  if (!url) return false;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isIP(host)) return classifyAddress(host) === "public";
  if (!host.includes(".")) return false;
  return !/\.(localhost|local|internal|lan|home|corp|test|invalid|example)$/.test(host);
}
