import { parseHttpUrl } from "@/lib/http/parse-http-url";
/**
 * §5: POST the bare task object on a status change. Best effort like the real thing: no
 * retry, no signature, and a failing receiver never affects the task. Unlike the real thing
 * it posts only to the studio's own callback route, and follows no redirect: a simulator
 * that posted anywhere it was told would be a way to make this server send requests.
 */
export function sendCallback(url: string, payload: unknown, callbackBaseUrl?: string): void {
  if (!isAllowedCallbackUrl(url, callbackBaseUrl)) return;
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
    redirect: "manual",
    signal: AbortSignal.timeout(5000),
  })
    .then((response) => response.body?.cancel())
    .catch(() => undefined);
}

/** The studio's route: `/api/callbacks/kling/<32-character token>` (lib/ids newSecretId). */
const CALLBACK_PATH = /^\/api\/callbacks\/kling\/[0-9a-z]{32}$/;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * With `callbackBaseUrl` (the studio's PUBLIC_BASE_URL) only its callback route there;
 * without one, only that route on this machine. Never a query, a fragment or credentials.
 */
export function isAllowedCallbackUrl(url: string, callbackBaseUrl?: string): boolean {
  const target = parseHttpUrl(url);
  if (!target) return false;
  if (target.username || target.password || target.search || target.hash) return false;
  if (callbackBaseUrl === undefined) {
    return LOOPBACK_HOSTS.has(target.hostname) && CALLBACK_PATH.test(target.pathname);
  }
  const base = parseHttpUrl(callbackBaseUrl);
  if (!base) return false;
  const prefix = base.pathname.replace(/\/+$/, "");
  return (
    target.origin === base.origin &&
    target.pathname.startsWith(prefix) &&
    CALLBACK_PATH.test(target.pathname.slice(prefix.length))
  );
}
