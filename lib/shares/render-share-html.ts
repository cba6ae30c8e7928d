import "server-only";
import type { ReferenceView, ShotView } from "@/lib/gallery/detail-types";
import { promptLength } from "@/lib/prompt/prompt-length";
import { splitAtTokens } from "@/lib/prompt/prompt-tokens";
import type { SharePageData } from "./get-share-page";
import { SHARE_PAGE_CSS } from "./share-page-css";
import type { SharePageWords } from "./share-page-words";

/**
 * The public share page as one hand-built HTML string: no React, no App Router runtime, so
 * the page ships no JavaScript at all (a <video controls> needs none). Every interpolated
 * value goes through `escapeHtml`, text and attributes alike; attributes are always quoted.
 */

const HTML_SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string | number): string {
  return String(value).replace(HTML_SPECIAL, (ch) => ENTITIES[ch] ?? ch);
}

export type RenderOptions = {
  /** Absolute origin for every URL a crawler reads (see request-origin.ts). */
  origin: string;
  /** The proxy's per-request CSP nonce, put on the inline <style>. */
  nonce: string | null;
  /** The viewer's language: a share page follows whoever opens it. */
  words: SharePageWords;
};

/** What X-Robots-Tag and the robots meta say: only an opted-in share may be indexed. */
export function robotsValue(allowIndexing: boolean): string {
  return allowIndexing ? "index, follow" : "noindex, nofollow";
}

export function renderSharePage(page: SharePageData, options: RenderOptions): string {
  const { origin, words } = options;
  // Without the recipe the page has no words of its own: it says what it is, in the
  // viewer's language (link previews read these too).
  const title = page.title ?? words.defaultTitle;
  const description = page.description ?? words.defaultDescription;
  const width = page.width ?? 1280;
  const height = page.height ?? 720;
  const pageUrl = `${origin}/s/${page.shareId}`;
  const videoUrl = `${origin}${page.videoPath}`;
  const posterUrl = page.posterPath ? `${origin}${page.posterPath}` : null;
  const hasSize = page.width !== null && page.height !== null;
  // Numbers only, so the per-page rule can sit in the nonce'd <style> instead of a style=""
  // attribute (which a stricter style-src would refuse).
  const ratio = (width / height).toFixed(4);
  const frameCss = `.frame{aspect-ratio:${width}/${height};max-width:calc(75vh * ${ratio})}`;

  const meta: Array<[string, string, string | number]> = [
    ["name", "description", description],
    ["name", "robots", robotsValue(page.allowIndexing)],
    ["property", "og:title", title],
    ["property", "og:description", description],
    ["property", "og:url", pageUrl],
    ["property", "og:site_name", words.siteName],
    ["property", "og:type", "video.other"],
    ["property", "og:locale", OG_LOCALES[words.locale]],
  ];
  if (posterUrl) {
    meta.push(["property", "og:image", posterUrl]);
    if (hasSize)
      meta.push(["property", "og:image:width", width], ["property", "og:image:height", height]);
    meta.push(["property", "og:image:alt", title]);
  }
  meta.push(
    ["property", "og:video", videoUrl],
    ["property", "og:video:secure_url", videoUrl],
    ["property", "og:video:type", "video/mp4"],
  );
  if (hasSize)
    meta.push(["property", "og:video:width", width], ["property", "og:video:height", height]);
  meta.push(
    ["name", "twitter:card", "player"],
    ["name", "twitter:title", title],
    ["name", "twitter:description", description],
  );
  if (posterUrl) meta.push(["name", "twitter:image", posterUrl]);
  meta.push(
    ["name", "twitter:player", pageUrl],
    ["name", "twitter:player:stream", videoUrl],
    ["name", "twitter:player:width", width],
    ["name", "twitter:player:height", height],
  );

  const head = [
    `<title>${escapeHtml(title)} · ${escapeHtml(words.siteName)}</title>`,
    ...meta.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeHtml(value)}">`),
    `<link rel="canonical" href="${escapeHtml(pageUrl)}">`,
    // The poster is the page's largest paint: ask for it with the HTML, not after layout.
    page.posterPath
      ? `<link rel="preload" as="image" href="${escapeHtml(page.posterPath)}" fetchpriority="high">`
      : "",
    styleTag(options.nonce, frameCss),
  ];

  const recipe = page.recipe
    ? `<section class="recipe" aria-labelledby="recipe-heading"><h2 id="recipe-heading">${escapeHtml(words.recipe)}</h2>${
        page.recipe.shots.length > 0
          ? renderShotsHtml(page.recipe.shots, page.recipe.references, words)
          : renderPromptHtml(page.recipe.prompt, page.recipe.references, words)
      }</section>`
    : "";
  const badges = `<p class="badges"><span class="badge">${escapeHtml(page.modelLabel)}</span>${
    page.withSound
      ? `<span class="badge sound"><span aria-hidden="true">♪</span> ${escapeHtml(words.withSound)}</span>`
      : ""
  }</p>`;
  const poster = page.posterPath ? ` poster="${escapeHtml(page.posterPath)}"` : "";
  const body = [
    "<main>",
    siteHeader(words),
    `<h1>${escapeHtml(title)}</h1>`,
    badges,
    // The box has the video's shape before any byte arrives, so nothing shifts.
    `<div class="frame"><video src="${escapeHtml(page.videoPath)}"${poster} width="${width}" height="${height}" controls playsinline preload="metadata" aria-label="${escapeHtml(words.videoLabel)}"></video></div>`,
    recipe,
    `<footer>${escapeHtml(words.footer)}</footer>`,
    "</main>",
  ];
  return documentHtml(words.locale, head, body);
}

/** Unknown, revoked or deleted: says so without telling which. */
export function renderUnavailablePage(options: Pick<RenderOptions, "nonce" | "words">): string {
  const { words } = options;
  return messagePage(options, words.unavailableHeading, words.unavailableText);
}

export function renderErrorPage(options: Pick<RenderOptions, "nonce" | "words">): string {
  const { words } = options;
  return messagePage(options, words.errorHeading, words.errorText);
}

/** og:locale wants a territory; these are the usual ones for each language. */
const OG_LOCALES: Record<SharePageWords["locale"], string> = { en: "en_US", ko: "ko_KR" };

/**
 * The prompt with each `<<<kind_N>>>` shown as a chip naming the N-th reference of that
 * kind: the HTML that components/generations/reference-chip.tsx renders, as a string (same
 * markup, same label rule: the stored name, else the kind and number).
 */
export function renderPromptHtml(
  prompt: string,
  references: ReferenceView[],
  words: Pick<SharePageWords, "chipReference" | "chipFallback">,
): string {
  const html = splitAtTokens(prompt)
    .map((part) => {
      if (typeof part === "string") return escapeHtml(part);
      const ref = references.find((r) => r.kind === part.kind && r.position === part.n - 1);
      return chipHtml(part.kind, part.n, ref, words);
    })
    .join("");
  return `<p class="prompt">${html}</p>`;
}

/** A storyboard: each shot's prompt as chips, with its seconds and length in characters. */
function renderShotsHtml(
  shots: ShotView[],
  references: ReferenceView[],
  words: Pick<SharePageWords, "chipReference" | "chipFallback" | "shot" | "shotMeta">,
): string {
  const items = shots.map(
    (shot) =>
      `<li aria-label="${escapeHtml(words.shot(shot.index))}"><p class="shot-meta">${escapeHtml(words.shotMeta(shot.index, Number(shot.duration), promptLength(shot.prompt)))}</p>${renderPromptHtml(shot.prompt, references, words)}</li>`,
  );
  return `<ol class="shots">${items.join("")}</ol>`;
}

function chipHtml(
  kind: string,
  n: number,
  reference: ReferenceView | undefined,
  words: Pick<SharePageWords, "chipReference" | "chipFallback">,
): string {
  const label = reference?.label ?? words.chipFallback(kind, n);
  const icon = reference?.thumbnailUrl
    ? `<img src="${escapeHtml(reference.thumbnailUrl)}" alt="" width="20" height="20" class="chip-thumb">`
    : `<span aria-hidden="true" class="chip-icon">${escapeHtml(kind.charAt(0))}</span>`;
  return `<span class="chip" data-chip="${escapeHtml(`${kind}_${n}`)}">${icon}<span><span class="sr-only">${escapeHtml(words.chipReference(kind))}</span>${escapeHtml(label)}</span></span>`;
}

function siteHeader(words: SharePageWords): string {
  return `<header><p class="brand">${escapeHtml(words.siteName)}</p><a class="cta" href="/">${escapeHtml(words.makeYourOwn)}</a></header>`;
}

function messagePage(
  options: Pick<RenderOptions, "nonce" | "words">,
  heading: string,
  text: string,
): string {
  const { nonce, words } = options;
  const head = [
    `<title>${escapeHtml(heading)} · ${escapeHtml(words.siteName)}</title>`,
    '<meta name="robots" content="noindex, nofollow">',
    styleTag(nonce, ""),
  ];
  const body = [
    '<main class="message">',
    siteHeader(words),
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p>${escapeHtml(text)} <a href="/">${escapeHtml(words.makeYourOwnVideo)}</a></p>`,
    "</main>",
  ];
  return documentHtml(words.locale, head, body);
}

function styleTag(nonce: string | null, extraCss: string): string {
  const nonceAttr = nonce ? ` nonce="${escapeHtml(nonce)}"` : "";
  return `<style${nonceAttr}>${SHARE_PAGE_CSS}${extraCss}</style>`;
}

function documentHtml(locale: string, head: string[], body: string[]): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(locale)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="/icon.svg" type="image/svg+xml">',
    ...head.filter(Boolean),
    "</head>",
    "<body>",
    ...body.filter(Boolean),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
