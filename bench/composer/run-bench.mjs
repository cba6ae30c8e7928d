// Composer benchmark: typing latency in the chip editor (2500 characters, 7 chips) and the
// composer page's first-load JavaScript, gzipped. Needs a production build (`npm run build`);
// starts `next start` on BENCH_PORT (default 3390) in demo mode with a throw-away data dir.
//   npm run build && npm run bench:composer
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { measureTyping } from "./measure-typing.mjs";

const port = Number(process.env.BENCH_PORT ?? 3390);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), "omni-bench-composer-"));
const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

const server = spawn("npm", ["run", "start"], {
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `file:${path.join(dataDir, "bench.db")}`,
    MEDIA_DIR: path.join(dataDir, "media"),
    SIMULATOR_DATA_DIR: path.join(dataDir, "sim"),
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: "ignore",
  detached: true,
});

try {
  await waitFor(`${base}/api/health`);
  const browser = await chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const size = await measureFirstLoad(browser);
  const typing = await measureTyping(browser, base);
  await browser.close();
  const print = (line) => process.stdout.write(`${line}\n`);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  print("\nComposer benchmark");
  print(`typing, 2500 chars + 7 chips, ${typing.samples} keystrokes (keydown → next frame):`);
  print(
    `  median ${typing.median.toFixed(2)} ms, p95 ${typing.p95.toFixed(2)} ms (target: median < 16 ms)`,
  );
  print(
    `first-load JS of / (scripts in the HTML, gzipped): ${kb(size.composerFirstLoad)} in ${size.composerChunks} files (target < 250 KB)`,
  );
  print(
    `editor chunk(s) loaded after the page (gzipped): ${kb(size.editorLazy)} in ${size.editorChunks} file(s)`,
  );
  print(
    `all JS fetched after the HTML until the composer is ready (gzipped): ${kb(size.lazyTotal)} in ${size.lazyChunks} file(s); first load + this: ${kb(size.composerFirstLoad + size.lazyTotal)}`,
  );
  print(`editor chunk(s) loaded on /gallery: ${size.editorOnGallery} (expected 0)`);
  print(JSON.stringify({ typing, size }));
} finally {
  process.kill(-server.pid, "SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitFor(url) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start at ${url}`);
}

async function gzippedSize(url) {
  const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { gz: gzipSync(bytes, { level: 9 }).length, text: bytes.toString("utf8") };
}

/** Scripts the HTML asks for vs. scripts fetched later; the later ones with Lexical are the editor. */
async function measureFirstLoad(browser) {
  const scriptsOf = (html) =>
    [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map(
      (m) => new URL(m[1].replaceAll("&amp;", "&"), base).href,
    );
  const loadedAfter = async (pathname) => {
    const page = await browser.newPage();
    const seen = new Set();
    page.on("response", (r) => r.url().endsWith(".js") && seen.add(r.url()));
    await page.goto(`${base}${pathname}`, { waitUntil: "networkidle" });
    if (pathname === "/") await page.getByRole("textbox", { name: "Prompt" }).waitFor();
    await page.close();
    return seen;
  };
  const html = await (await fetch(`${base}/`)).text();
  const initial = new Set(scriptsOf(html));
  let composerFirstLoad = 0;
  for (const url of initial) composerFirstLoad += (await gzippedSize(url)).gz;
  let editorLazy = 0;
  let lazyTotal = 0;
  let lazyChunks = 0;
  const editorUrls = new Set();
  for (const url of await loadedAfter("/")) {
    if (initial.has(url)) continue;
    const { gz, text } = await gzippedSize(url);
    lazyTotal += gz;
    lazyChunks += 1;
    if (/lexical/i.test(text)) {
      editorLazy += gz;
      editorUrls.add(url);
    }
  }
  const gallery = await loadedAfter("/gallery");
  const galleryHtml = await (await fetch(`${base}/gallery`)).text();
  const editorOnGallery = [...new Set([...gallery, ...scriptsOf(galleryHtml)])].filter((u) =>
    editorUrls.has(u),
  ).length;
  return {
    composerFirstLoad,
    composerChunks: initial.size,
    editorLazy,
    editorChunks: editorUrls.size,
    lazyTotal,
    lazyChunks,
    editorOnGallery,
  };
}
