import { type NextRequest, NextResponse } from "next/server";
import { localMessage } from "@/i18n/local-message";
import { LOCALE_COOKIE, pickLocale } from "@/i18n/locales";
import { sayOnServer } from "@/i18n/say-on-server";
import { isEmbeddablePath, isPublicPath, SIGN_IN_PATH } from "@/lib/auth/public-paths";
import { getSessionKeys, sessionFromCookieValue } from "@/lib/auth/session";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { BASE_SECURITY_HEADERS, buildContentSecurityPolicy } from "@/lib/security/csp";
import { assertRequestSource } from "@/lib/security/request-guard";
import { isSignedMediaRequest } from "@/lib/uploads/signed-media-link";

/**
 * Runs before every request but static chunks: refuses foreign Host headers and cross-site
 * writes (lib/security/request-guard.ts), turns away anyone without a session when
 * STUDIO_PASSWORD is set (except the public paths in lib/auth/public-paths.ts), and gives
 * each page a fresh CSP nonce. Server actions check the session again themselves: this
 * file is one layer, not the only one.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const refused = await checkSource(request);
  if (refused) return withSecurityHeaders(refused, pathname);
  const denied = await checkAccess(request, pathname, search);
  if (denied) return withSecurityHeaders(denied, pathname);

  if (pathname.startsWith("/api/")) return withSecurityHeaders(NextResponse.next(), pathname);

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const env = getEnv();
  const csp = buildContentSecurityPolicy({
    nonce,
    dev: env.nodeEnv === "development",
    embeddable: isEmbeddablePath(pathname),
    https: (env.publicBaseUrl ?? "").startsWith("https://"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return withSecurityHeaders(response, pathname);
}

async function checkSource(request: NextRequest): Promise<NextResponse | null> {
  try {
    assertRequestSource(request);
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return NextResponse.json(
      { error: (await sayTo(request))(error.message), code: error.code },
      { status: error.httpStatus },
    );
  }
}

/** Refusals in the reader's language, chosen as i18n/request.ts does (cookie, else header). */
async function sayTo(request: NextRequest): Promise<(message: string) => string> {
  return sayOnServer(
    pickLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language")),
  );
}

async function checkAccess(
  request: NextRequest,
  pathname: string,
  search: string,
): Promise<NextResponse | null> {
  if (!getSessionKeys()) return null;
  if (isOpenRequest(request, pathname)) return null;
  // A link handed to the provider carries its own signature instead of a session.
  if (isSignedMediaRequest(request.method, request.nextUrl)) return null;
  // A signed cookie counts only while its session row exists: a signed-out cookie is refused.
  if (await sessionFromCookieValue(request.cookies.get(SESSION_COOKIE)?.value)) return null;
  if (pathname.startsWith("/api/") || !isRead(request)) {
    return NextResponse.json(
      {
        error: (await sayTo(request))(localMessage("serverErrors.signInRequired")),
        code: "unauthorized",
      },
      { status: 401 },
    );
  }
  const target = new URL(SIGN_IN_PATH, request.url);
  if (pathname !== "/") target.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(target);
}

/**
 * Public API routes check their own secret (share id, callback token, simulator key). Public
 * pages are public to read only: a server action can be posted to any page — with a
 * Next-Action header, or as a plain form post without JavaScript — so anything but a
 * GET there needs a session, except on the sign-in page, whose action signs you in.
 */
function isOpenRequest(request: NextRequest, pathname: string): boolean {
  if (!isPublicPath(pathname)) return false;
  if (pathname.startsWith("/api/") || pathname === SIGN_IN_PATH) return true;
  return isRead(request);
}

function isRead(request: NextRequest): boolean {
  return (
    (request.method === "GET" || request.method === "HEAD") && !request.headers.has("next-action")
  );
}

function withSecurityHeaders(response: NextResponse, pathname: string): NextResponse {
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS))
    response.headers.set(name, value);
  if (!isEmbeddablePath(pathname)) response.headers.set("X-Frame-Options", "DENY");
  return response;
}

export const config = {
  // Everything except build assets, which carry no data and must stay cacheable.
  // Large uploads skip the proxy, which would buffer each body in memory (10 MB by default,
  // truncating anything larger); those routes check the session themselves.
  matcher: ["/((?!_next/static|_next/image|api/uploads|api/import).*)"],
};
