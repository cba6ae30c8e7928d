import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

/**
 * The absolute origin for link previews (crawlers need absolute og: URLs). PUBLIC_BASE_URL
 * wins when set, because behind a proxy the Host header may be an internal name; otherwise
 * it is taken from the request: x-forwarded-host / host, and x-forwarded-proto (default
 * http), as a reverse proxy in front of the studio sets them.
 */
export async function requestOrigin(): Promise<string> {
  const configured = getEnv().publicBaseUrl;
  if (configured) return configured;
  const list = await headers();
  const host = first(list.get("x-forwarded-host")) ?? first(list.get("host")) ?? "localhost";
  const proto = first(list.get("x-forwarded-proto")) ?? "http";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

function first(value: string | null): string | undefined {
  const part = value?.split(",")[0]?.trim();
  return part ? part : undefined;
}
