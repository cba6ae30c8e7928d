import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import yazl from "yazl";
import { POST as postImport } from "@/app/api/import/route";
import { POST as postUpload } from "@/app/api/uploads/route";
import { getDb } from "@/lib/db/client";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { proxy } from "@/proxy";
import { type TestDatabase, useTestDatabase } from "../helpers/db-test-env";
import { snapshotState } from "./helpers/state-snapshot";

/**
 * An open studio (no password), as the attack found it: a page on another site posting to
 * its route handlers, and a rebinding name (the attacker's domain pointed at this machine)
 * reading it. Both are refused, and a refused import leaves the database and the media folder
 * exactly as they were.
 */
const saved = { ...process.env };
let db: TestDatabase;
let root: string;
let archive: Buffer;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "omni-request-source-"));
  process.env.MEDIA_DIR = path.join(root, "media");
  delete process.env.STUDIO_PASSWORD;
  delete process.env.ALLOWED_HOSTS;
  delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
  db = await useTestDatabase("sqlite");
  await getDb().generation.count();
  archive = await emptyArchive();
});
beforeEach(() => {
  delete process.env.ALLOWED_HOSTS;
  delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
});
afterAll(async () => {
  await db.cleanup();
  process.env = saved;
  resetEnvForTests();
  rmSync(root, { recursive: true, force: true });
});

function state() {
  const database = getEnv().database;
  return snapshotState(database.provider === "sqlite" ? database.filePath : "", getEnv().mediaDir);
}

async function emptyArchive(): Promise<Buffer> {
  const manifest = {
    format: "omni-studio-history",
    version: 1,
    exportedAt: "2026-01-01T00:00:00Z",
    generations: [],
    references: [],
    shares: [],
    uploads: [],
    elements: [],
  };
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), "manifest.json");
  zip.end();
  const file = path.join(root, "empty.zip");
  await pipeline(zip.outputStream, createWriteStream(file));
  return readFileSync(file);
}

function importRequest(headers: Record<string, string>): Request {
  return new Request("http://127.0.0.1:3000/api/import", {
    method: "POST",
    headers: { host: "127.0.0.1:3000", ...headers },
    body: new Uint8Array(archive),
  });
}

function viaProxy(url: string, method: string, headers: Record<string, string>) {
  return proxy(new NextRequest(new URL(url, "http://127.0.0.1:3000"), { method, headers }));
}
const passedThrough = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("cross-site writes", () => {
  it.each([
    ["an Origin on another site", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
    ["Origin: null", { origin: "null" }],
    ["an Origin on the same host but another port", { origin: "http://127.0.0.1:4444" }],
  ])("refuses POST /api/import with %s, changing nothing", async (_name, headers) => {
    const before = state();
    const response = await postImport(importRequest(headers));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden" });
    expect(state()).toEqual(before);
  });

  it("takes the same import from the studio's own page", async () => {
    const response = await postImport(
      importRequest({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }),
    );
    expect(response.status).toBe(200);
  });

  it("refuses a cross-site upload before reading it", async () => {
    const response = await postUpload(
      new Request("http://127.0.0.1:3000/api/uploads", {
        method: "POST",
        headers: { host: "127.0.0.1:3000", origin: "https://evil.example" },
        body: "x",
      }),
    );
    expect(response.status).toBe(403);
  });

  it.each([
    ["/api/downloads", "POST"],
    ["/api/callbacks/kling/0123456789abcdefghjkmnpqrstvwxyz", "POST"],
    ["/", "POST"],
  ])("refuses a cross-site %s %s in proxy.ts", async (url, method) => {
    const response = await viaProxy(url, method, { origin: "https://evil.example" });
    expect(passedThrough(response)).toBe(false);
    expect(response.status).toBe(403);
  });

  it("lets the provider's callback through: it has no Origin", async () => {
    const url = "/api/callbacks/kling/0123456789abcdefghjkmnpqrstvwxyz";
    expect(passedThrough(await viaProxy(url, "POST", { host: "127.0.0.1:3000" }))).toBe(true);
  });
});

describe("Host header", () => {
  it("refuses a rebinding name everywhere, /api/export included", async () => {
    for (const [url, method] of [
      ["/api/export", "GET"],
      ["/", "GET"],
      ["/api/media/results/x.mp4", "GET"],
      ["/api/simulator/kling/v1/videos/omni-video", "POST"],
    ] as const) {
      const response = await viaProxy(url, method, { host: "rebind.evil.example:3000" });
      expect(passedThrough(response), url).toBe(false);
      expect(response.status, url).toBe(403);
    }
    const before = state();
    const response = await postImport(importRequest({ host: "rebind.evil.example:3000" }));
    expect(response.status).toBe(403);
    expect(state()).toEqual(before);
  });

  it("answers loopback names, PUBLIC_BASE_URL's host and ALLOWED_HOSTS", async () => {
    process.env.PUBLIC_BASE_URL = "https://studio.example.com";
    process.env.ALLOWED_HOSTS = "studio.lan, Box.Local";
    resetEnvForTests();
    for (const host of [
      "localhost:3000",
      "127.0.0.1:3000",
      "[::1]:3000",
      "studio.example.com",
      "STUDIO.example.com:443",
      "studio.lan:3000",
      "box.local",
    ]) {
      expect(passedThrough(await viaProxy("/api/export", "GET", { host })), host).toBe(true);
    }
    for (const host of ["studio.example.com.evil.example", "192.168.1.20:3000", "a@localhost"]) {
      expect(passedThrough(await viaProxy("/api/export", "GET", { host })), host).toBe(false);
    }
  });
});
