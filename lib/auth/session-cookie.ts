import "server-only";
import { getEnv } from "@/lib/env";
import { SESSION_TTL_MS } from "./session-token";

export type CookieOptions = {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  maxAge: number;
};

/**
 * Secure when the visitor came over HTTPS (directly or through a proxy that says so) or the
 * configured public origin is https: a cookie set over https must never travel over http.
 */
export function sessionCookieOptions(requestHeaders: Headers): CookieOptions {
  const forwardedProto = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const origin = requestHeaders.get("origin") ?? "";
  const secure =
    forwardedProto === "https" ||
    origin.startsWith("https://") ||
    (getEnv().publicBaseUrl ?? "").startsWith("https://");
  return { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SESSION_TTL_MS / 1000 };
}
