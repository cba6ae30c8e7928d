import "server-only";
import { getEnv } from "@/lib/env";

/**
 * The absolute origin for link previews (crawlers need absolute og: URLs). PUBLIC_BASE_URL
 * wins when set, because behind a proxy the Host header may be an internal name; otherwise
 * it is taken from the request: x-forwarded-host / host, and x-forwarded-proto (default
 * http), as a reverse proxy in front of the studio sets them. The Host header is the
 * client's to choose, so anything that is not a plain host[:port] falls back to localhost
 * rather than ending up in the page.
 */
export function requestOrigin(
  headers: Headers,
  publicBaseUrl: string | undefined = getEnv().publicBaseUrl,
): string {
  if (publicBaseUrl) return publicBaseUrl;
  const host = validHost(first(headers.get("x-forwarded-host")) ?? first(headers.get("host")));
  const proto = first(headers.get("x-forwarded-proto")) ?? "http";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function validHost(value: string | undefined): string {
  return value && value.length <= 255 && HOST.test(value) ? value : "localhost";
}

function first(value: string | null): string | undefined {
  const part = value?.split(",")[0]?.trim();
  return part ? part : undefined;
}
