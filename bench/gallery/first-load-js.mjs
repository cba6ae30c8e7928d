// First-load JavaScript of a page, gzipped: every script the page's HTML references
// (<script src> but noModule, and the modulepreload/preload links), gzipped at level 9.
//   node bench/gallery/first-load-js.mjs <page url> [<project dir with .next>]
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const [url, projectDir = "."] = process.argv.slice(2);
if (!url) throw new Error("usage: first-load-js.mjs <url> [projectDir]");
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
const rows = [];
for (const src of srcs) {
  const pathname = new URL(src, url).pathname.replace(/^\/_next\//, "");
  const bytes = readFileSync(path.join(projectDir, ".next", decodeURIComponent(pathname)));
  const gz = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += gz;
  rows.push([pathname, bytes.length, gz]);
}
for (const [name, r, g] of rows.sort((a, b) => b[2] - a[2])) {
  console.info(
    `${(g / 1024).toFixed(1).padStart(7)} KB gz  ${(r / 1024).toFixed(1).padStart(7)} KB  ${name}`,
  );
}
console.info(
  `${url}: ${srcs.size} scripts, ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzipped (${gzip} bytes)`,
);
