import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionId, SESSION_COOKIE, signSessionToken } from "@/lib/auth/session-token";
import { type BuiltCopy, buildCopy, copyCheckout, freePort, startCopy } from "./helpers/built-copy";
import { enumerateApp } from "./helpers/enumerate-app";
import { type Seeded, seedServedData, servedRequest } from "./helpers/served-requests";

/**
 * Builds the studio in a temp copy with a canary key, then proves the key is nowhere in
 * .next/static or in any page a browser can fetch, and — against the real server, with a
 * real generation and share in its database — that every route without a cookie is refused
 * unless public, and is served (its working status, e.g. 200) with one. Slow (a production
 * build), so it runs only with RUN_BUILD_TESTS=1 (`npm run test:all` sets it).
 */
const enabled = process.env.RUN_BUILD_TESTS === "1";
const repo = path.resolve(__dirname, "../..");
const KEY = `sk-canary-${randomBytes(12).toString("hex")}`;
const PASSWORD = "leak-test-password";
const PUBLIC = new Set([
  "/sign-in",
  "/s/[shareId]",
  "/api/health",
  "/api/callbacks/kling/[token]",
  "/api/share-media/[shareId]/[kind]",
  "/api/provider-media/[...path]", // by signed link only; unsigned is refused (provider-links tests)
  "/api/simulator/[...path]",
]);

let copy = "";
let server: BuiltCopy | undefined;
let base = "";
let cookie = "";
let seeded: Seeded;

describe.skipIf(!enabled)("a build made with a real key", () => {
  beforeAll(async () => {
    copy = copyCheckout(repo);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      COMETAPI_KEY: KEY,
      COMETAPI_BASE_URL: "http://127.0.0.1:9",
      STUDIO_PASSWORD: PASSWORD,
      DATABASE_URL: `file:${path.join(copy, "data", "leak.db")}`,
      MEDIA_DIR: path.join(copy, "data", "media"),
      WORKER_ENABLED: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
    };
    buildCopy(copy, env);
    seeded = await seedServedData(env.DATABASE_URL ?? "", env.MEDIA_DIR ?? "");
    server = await startCopy(copy, env);
    base = server.base;
    await fetch(`${base}/`, { redirect: "manual" }); // makes the server write its session secret
    const secret = Buffer.from(
      readFileSync(path.join(copy, "data", "session-secret"), "utf8").trim(),
      "hex",
    );
    seeded.serverSecret = secret;
    // A session as sign-in opens one: a row in the Session table, named by the signed cookie.
    const id = newSessionId();
    const expiresAt = Date.now() + 600_000;
    const database = new Database(path.join(copy, "data", "leak.db"));
    // Prisma's SQLite adapter keeps DateTime as ISO-8601 text.
    const expires = new Date(expiresAt).toISOString().replace("Z", "+00:00");
    database.prepare('INSERT INTO "Session" ("id", "expiresAt") VALUES (?, ?)').run(id, expires);
    database.close();
    cookie = `${SESSION_COOKIE}=${signSessionToken({ secret, password: PASSWORD }, id, expiresAt)}`;
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it("leaves the key out of every file under .next/static", () => {
    const files = walk(path.join(copy, ".next", "static"));
    expect(files.length).toBeGreaterThan(5);
    const leaking = files.filter((file) => readFileSync(file).includes(KEY));
    expect(leaking).toEqual([]);
  });

  const entries = enumerateApp(path.join(repo, "app"));

  it.each(entries.filter((e) => e.kind === "page").map((e) => [e.pattern, e.url] as const))(
    "page %s: HTML and RSC payload carry no key",
    async (_pattern, url) => {
      const variants: Record<string, string>[] = [{ cookie }, { cookie, RSC: "1" }, {}];
      for (const headers of variants) {
        const response = await fetch(`${base}${url}`, { headers, redirect: "manual" });
        expect(await response.text()).not.toContain(KEY);
      }
    },
  );

  it.each(
    entries.flatMap((e) =>
      e.methods.filter((m) => m !== "HEAD").map((m) => [`${m} ${e.pattern}`, e] as const),
    ),
  )("%s: refused without a session unless public, served with one", async (key, entry) => {
    const served = await servedRequest(key, seeded, base, { cookie });
    const { cookie: _, ...anonymousHeaders } = served.init.headers as Record<string, string>;
    const anonymous = await fetch(`${base}${served.url}`, {
      ...served.init,
      headers: anonymousHeaders,
      redirect: "manual",
    });
    const isPublic = PUBLIC.has(entry.pattern);
    if (isPublic) expect(anonymous.status, "anonymous, public").toBe(served.status);
    else if (served.init.method === undefined && !entry.pattern.startsWith("/api/")) {
      expect(anonymous.status, "anonymous page").toBe(307);
      expect(anonymous.headers.get("location")).toContain("/sign-in");
    } else expect(anonymous.status, "anonymous API call").toBe(401);
    expect(await anonymous.text()).not.toContain(KEY);
    const signedIn = await fetch(`${base}${served.url}`, { ...served.init, redirect: "manual" });
    expect(signedIn.status, "with a session").toBe(served.status);
    expect(await signedIn.text()).not.toContain(KEY);
  });

  it("sends the security headers on pages", async () => {
    const studio = await fetch(`${base}/`, { headers: { cookie } });
    const csp = studio.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(studio.headers.get("x-content-type-options")).toBe("nosniff");
    expect(studio.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const share = await fetch(`${base}/s/not-a-share`);
    expect(share.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(share.headers.get("x-frame-options")).toBeNull();
  });
});

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
