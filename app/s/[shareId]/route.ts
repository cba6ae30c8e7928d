import { cookieValue, LOCALE_COOKIE, pickLocale } from "@/i18n/locales";
import { logError } from "@/lib/log";
import { getSharePage } from "@/lib/shares/get-share-page";
import {
  renderErrorPage,
  renderSharePage,
  renderUnavailablePage,
  robotsValue,
} from "@/lib/shares/render-share-html";
import { requestOrigin } from "@/lib/shares/request-origin";
import { sharePageWords } from "@/lib/shares/share-page-words";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ shareId: string }> };

/**
 * The public share page, served as plain HTML rather than an App Router page: a video with
 * native controls needs no JavaScript, and a page would ship the App Router runtime
 * (≈ 130 KB gzipped) anyway. No sign-in, no studio chrome. It speaks the viewer's language:
 * their "Language" choice if they have one, else what their browser asks for.
 */
async function respond(request: Request, context: Context, withBody: boolean): Promise<Response> {
  // proxy.ts sets a fresh nonce per request; the inline <style> carries it.
  const nonce = validNonce(request.headers.get("x-nonce"));
  const locale = pickLocale(
    cookieValue(request.headers.get("cookie"), LOCALE_COOKIE),
    request.headers.get("accept-language"),
  );
  const words = await sharePageWords(locale);
  try {
    const { shareId } = await context.params;
    const page = await getSharePage(shareId, locale);
    if (!page)
      return html(
        renderUnavailablePage({ nonce, words }),
        404,
        robotsValue(false),
        withBody,
        words.locale,
      );
    const origin = requestOrigin(request.headers);
    const body = renderSharePage(page, { origin, nonce, words });
    return html(body, 200, robotsValue(page.allowIndexing), withBody, words.locale);
  } catch (error) {
    logError("GET /s/[shareId]", error);
    return html(renderErrorPage({ nonce, words }), 500, robotsValue(false), withBody, words.locale);
  }
}

function html(
  body: string,
  status: number,
  robots: string,
  withBody: boolean,
  locale: string,
): Response {
  return new Response(withBody ? body : null, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // Never cached anywhere: a revoked link must stop working at once.
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": robots,
      "Content-Language": locale,
      // The same address reads in another language for another viewer.
      Vary: "Accept-Language, Cookie",
    },
  });
}

function validNonce(value: string | null): string | null {
  return value && /^[A-Za-z0-9+/=_-]{8,200}$/.test(value) ? value : null;
}

export function GET(request: Request, context: Context): Promise<Response> {
  return respond(request, context, true);
}

export function HEAD(request: Request, context: Context): Promise<Response> {
  return respond(request, context, false);
}
