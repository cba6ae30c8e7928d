import "server-only";
import type { ReferenceView } from "@/lib/gallery/detail-types";
import type { SharePageData } from "./get-share-page";
import { SHARE_PAGE_CSS } from "./share-page-css";

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
};

/** What X-Robots-Tag and the robots meta say: only an opted-in share may be indexed. */
export function robotsValue(allowIndexing: boolean): string {
  return allowIndexing ? "index, follow" : "noindex, nofollow";
}

export function renderSharePage(page: SharePageData, options: RenderOptions): string {
  const { origin } = options;
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
    ["name", "description", page.description],
    ["name", "robots", robotsValue(page.allowIndexing)],
    ["property", "og:title", page.title],
    ["property", "og:description", page.description],
    ["property", "og:url", pageUrl],
    ["property", "og:site_name", "Omni Studio"],
    ["property", "og:type", "video.other"],
  ];
  if (posterUrl) {
    meta.push(["property", "og:image", posterUrl]);
    if (hasSize)
      meta.push(["property", "og:image:width", width], ["property", "og:image:height", height]);
    meta.push(["property", "og:image:alt", page.title]);
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
    ["name", "twitter:title", page.title],
    ["name", "twitter:description", page.description],
  );
  if (posterUrl) meta.push(["name", "twitter:image", posterUrl]);
  meta.push(
    ["name", "twitter:player", pageUrl],
    ["name", "twitter:player:stream", videoUrl],
    ["name", "twitter:player:width", width],
    ["name", "twitter:player:height", height],
  );

  const head = [
    `<title>${escapeHtml(page.title)} · Omni Studio</title>`,
    ...meta.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeHtml(value)}">`),
    `<link rel="canonical" href="${escapeHtml(pageUrl)}">`,
    // The poster is the page's largest paint: ask for it with the HTML, not after layout.
    page.posterPath
      ? `<link rel="preload" as="image" href="${escapeHtml(page.posterPath)}" fetchpriority="high">`
      : "",
    styleTag(options.nonce, frameCss),
  ];

  const recipe = page.recipe
    ? `<section class="recipe" aria-labelledby="recipe-heading"><h2 id="recipe-heading">Recipe</h2>${renderPromptHtml(page.recipe.prompt, page.recipe.references)}</section>`
    : "";
  const poster = page.posterPath ? ` poster="${escapeHtml(page.posterPath)}"` : "";
  const body = [
    "<main>",
    siteHeader(),
    `<h1>${escapeHtml(page.title)}</h1>`,
    // The box has the video's shape before any byte arrives, so nothing shifts.
    `<div class="frame"><video src="${escapeHtml(page.videoPath)}"${poster} width="${width}" height="${height}" controls playsinline preload="metadata" aria-label="Shared video"></video></div>`,
    recipe,
    "<footer>Made with Kling Omni in Omni Studio, a self-hosted video studio.</footer>",
    "</main>",
  ];
  return documentHtml(head, body);
}

/** Unknown, revoked or deleted: says so without telling which. */
export function renderUnavailablePage(options: Pick<RenderOptions, "nonce">): string {
  return messagePage(
    options.nonce,
    "This link is not available",
    "It may have been revoked, or the video was deleted.",
  );
}

export function renderErrorPage(options: Pick<RenderOptions, "nonce">): string {
  return messagePage(
    options.nonce,
    "Something went wrong",
    "This page could not be loaded. Please try again in a moment.",
  );
}

const TOKEN = /<<<(image|element|video)_(\d{1,4})>>>/g;

/**
 * The prompt with each `<<<kind_N>>>` shown as a chip naming the N-th reference of that
 * kind: the HTML that components/detail/prompt-with-chips.tsx renders, as a string.
 */
export function renderPromptHtml(prompt: string, references: ReferenceView[]): string {
  let html = "";
  let last = 0;
  for (const match of prompt.matchAll(TOKEN)) {
    const at = match.index ?? 0;
    html += escapeHtml(prompt.slice(last, at));
    const kind = match[1] ?? "image";
    const n = Number(match[2]);
    const ref = references.find((r) => r.kind === kind && r.position === n - 1);
    html += chipHtml(kind, n, ref);
    last = at + match[0].length;
  }
  html += escapeHtml(prompt.slice(last));
  return `<p class="prompt">${html}</p>`;
}

function chipHtml(kind: string, n: number, reference: ReferenceView | undefined): string {
  const label = reference?.label ?? `${kind} ${n}`;
  const icon = reference?.thumbnailUrl
    ? `<img src="${escapeHtml(reference.thumbnailUrl)}" alt="" width="20" height="20" class="chip-thumb">`
    : `<span aria-hidden="true" class="chip-icon">${escapeHtml(kind.charAt(0))}</span>`;
  return `<span class="chip" data-chip="${escapeHtml(`${kind}_${n}`)}">${icon}<span><span class="sr-only">${escapeHtml(kind)} reference: </span>${escapeHtml(label)}</span></span>`;
}

function siteHeader(): string {
  return '<header><p class="brand">Omni Studio</p><a class="cta" href="/">Make your own</a></header>';
}

function messagePage(nonce: string | null, heading: string, text: string): string {
  const head = [
    `<title>${escapeHtml(heading)} · Omni Studio</title>`,
    '<meta name="robots" content="noindex, nofollow">',
    styleTag(nonce, ""),
  ];
  const body = [
    '<main class="message">',
    siteHeader(),
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p>${escapeHtml(text)} <a href="/">Make your own video</a>.</p>`,
    "</main>",
  ];
  return documentHtml(head, body);
}

function styleTag(nonce: string | null, extraCss: string): string {
  const nonceAttr = nonce ? ` nonce="${escapeHtml(nonce)}"` : "";
  return `<style${nonceAttr}>${SHARE_PAGE_CSS}${extraCss}</style>`;
}

function documentHtml(head: string[], body: string[]): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
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
