// First-load JavaScript of a page, gzipped: the one definition every benchmark uses
// (bench:pages, bench:composer, bench:storyboard).
//   node bench/first-load-js.mjs <page url>          # per-file list, largest first
//
// What counts is what a modern browser fetches for the page before it can hydrate:
// - every <script src> in the HTML except `noModule` ones: those are legacy polyfills
//   (Next's ≈ 39 KB gz polyfill bundle) that module-capable browsers neither fetch nor run;
// - every <link rel="preload" as="script"> and <link rel="modulepreload">: the browser fetches
//   them while parsing the HTML, on the same connection and before the load event, whether or
//   not a <script> runs them yet (Next preloads one chunk that a later async <script> runs;
//   the set dedupes it). `rel="prefetch"` is not counted: that is idle-time work for a later
//   navigation.
// Chunks that components import lazily after hydration (next/dynamic, import()) are not
// first-load; bench:composer reports those separately with `gzippedScript`.
// Each file is fetched from the running server (what it really serves) and gzipped at level 9.
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/** `{ raw, gzip, text }` of one script URL. */
export async function gzippedScript(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, text: bytes.toString() };
}

/** Absolute URLs of the first-load scripts an HTML document references (see the top). */
export function firstLoadScriptUrls(html, pageUrl) {
  const urls = new Set();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attrs = attributesOf(tag);
    const isScript = /^<script/i.test(tag);
    const href = isScript ? attrs.src : attrs.href;
    if (!href || !/\.m?js(?:$|[?#])/.test(href)) continue;
    const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
    const counted = isScript
      ? !("nomodule" in attrs)
      : rel.includes("modulepreload") || (rel.includes("preload") && attrs.as === "script");
    if (counted) urls.add(new URL(href, pageUrl).href);
  }
  return urls;
}

/**
 * `{ scripts, raw, gzip, urls, files: [[pathname, rawBytes, gzipBytes]…] }` for the page at
 * `url`, files largest gzipped first.
 */
export async function measureFirstLoadJs(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const urls = firstLoadScriptUrls(await response.text(), url);
  let raw = 0;
  let gzip = 0;
  const files = [];
  for (const src of urls) {
    const size = await gzippedScript(src);
    raw += size.raw;
    gzip += size.gzip;
    files.push([new URL(src).pathname, size.raw, size.gzip]);
  }
  return { scripts: urls.size, raw, gzip, urls, files: files.sort((a, b) => b[2] - a[2]) };
}

/** Attribute names (lower-cased) → values, HTML entities in values decoded (`&amp;` in URLs). */
function attributesOf(tag) {
  const attrs = {};
  for (const m of tag.matchAll(/\s([a-zA-Z-:]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? "";
    attrs[m[1].toLowerCase()] = value
      .replaceAll("&quot;", '"')
      .replaceAll("&#x27;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
  }
  return attrs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [url] = process.argv.slice(2);
  if (!url) throw new Error("usage: node bench/first-load-js.mjs <page url>");
  const { scripts, raw, gzip, files } = await measureFirstLoadJs(url);
  for (const [name, r, g] of files) {
    console.info(
      `${(g / 1024).toFixed(1).padStart(7)} KB gz  ${(r / 1024).toFixed(1).padStart(7)} KB  ${name}`,
    );
  }
  console.info(
    `${url}: ${scripts} scripts, ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzipped (${gzip} bytes)`,
  );
}
