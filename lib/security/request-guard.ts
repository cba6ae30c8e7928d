import "server-only";
import { localMessage } from "@/i18n/local-message";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Two checks every request passes before anything else (proxy.ts, and the upload and import
 * routes that skip the proxy):
 *
 * - **Host.** A page on another site can point its own name at this machine (DNS rebinding)
 *   and then read the studio as "same origin" — the browser sends that other name as Host.
 *   Only PUBLIC_BASE_URL's host, loopback names and ALLOWED_HOSTS are answered.
 * - **Cross-site writes.** Server actions check Origin themselves; route handlers do not. A
 *   state-changing request a browser marks as cross-site (`Sec-Fetch-Site`), or whose Origin
 *   is another host, is refused. Requests with neither header are not from a browser page
 *   (the provider's callback, curl, the studio's own client) and pass: a browser always
 *   sends Origin on a cross-site POST.
 */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function assertRequestSource(request: { method: string; headers: Headers }): void {
  const host = request.headers.get("host");
  // No Host at all is not a browser (HTTP/1.1 clients must send one; Node refuses requests
  // without it), and in-process calls in tests have none.
  if (host !== null && !isAllowedHost(host)) {
    throw new AppError(
      "forbidden",
      localMessage("serverErrors.unknownHost", { host: host.slice(0, 100) }),
    );
  }
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") throw crossSite();
  const origin = request.headers.get("origin");
  if (origin !== null && !isOwnOrigin(origin, host)) throw crossSite();
}

export function isAllowedHost(hostHeader: string): boolean {
  const name = hostnameOf(hostHeader);
  if (!name) return false;
  return allowedHostnames().has(name);
}

function allowedHostnames(): Set<string> {
  const env = getEnv();
  const names = new Set([...LOOPBACK_HOSTS, ...env.security.allowedHosts]);
  if (env.publicBaseUrl) names.add(new URL(env.publicBaseUrl).hostname.toLowerCase());
  return names;
}

/** Same host and port as the request's Host, or PUBLIC_BASE_URL's (behind a proxy). */
function isOwnOrigin(origin: string, host: string | null): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file: pages) and garbage
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (host !== null && url.host === host.toLowerCase()) return true;
  const base = getEnv().publicBaseUrl;
  return base !== undefined && url.origin === new URL(base).origin;
}

function hostnameOf(hostHeader: string): string | undefined {
  try {
    const url = new URL(`http://${hostHeader}`);
    if (url.username || url.password || url.pathname !== "/" || url.search) return undefined;
    return url.hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function crossSite(): AppError {
  return new AppError("forbidden", localMessage("serverErrors.crossSite"));
}
