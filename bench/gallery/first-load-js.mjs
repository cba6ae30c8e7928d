// First-load JavaScript of a page, gzipped: every script the page's HTML references
// (<script src> but noModule, and the modulepreload/preload links), gzipped at level 9.
//   node bench/gallery/first-load-js.mjs <page url> [<project dir with .next>]
// bench/pages imports `measureFirstLoadJs` for its budgets.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/** `{ scripts, raw, gzip, files: [[pathname, rawBytes, gzipBytes]…] }`, largest gzipped first. */
export async function measureFirstLoadJs(url, projectDir = ".") {
  const html = await (await fetch(url)).text();
  const srcs = new Set();
  // noModule scripts are legacy polyfills that modern browsers neither fetch nor run.
  for (const match of html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js[^"]*)"([^>]*)>/g)) {
    if (!/nomodule/i.test(match[1] + match[3])) srcs.add(match[2]);
  }
  for (const match of html.matchAll(
    /<link[^>]*rel="(?:modulepreload|preload)"[^>]*href="([^"]+\.js[^"]*)"/g,
  ))
    srcs.add(match[1]);
  let raw = 0;
  let gzip = 0;
  const files = [];
  for (const src of srcs) {
    const pathname = new URL(src, url).pathname.replace(/^\/_next\//, "");
    const bytes = readFileSync(path.join(projectDir, ".next", decodeURIComponent(pathname)));
    const gz = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += gz;
    files.push([pathname, bytes.length, gz]);
  }
  return { scripts: srcs.size, raw, gzip, files: files.sort((a, b) => b[2] - a[2]) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [url, projectDir = "."] = process.argv.slice(2);
  if (!url) throw new Error("usage: first-load-js.mjs <url> [projectDir]");
  const { scripts, raw, gzip, files } = await measureFirstLoadJs(url, projectDir);
  for (const [name, r, g] of files) {
    console.info(
      `${(g / 1024).toFixed(1).padStart(7)} KB gz  ${(r / 1024).toFixed(1).padStart(7)} KB  ${name}`,
    );
  }
  console.info(
    `${url}: ${scripts} scripts, ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzipped (${gzip} bytes)`,
  );
}
