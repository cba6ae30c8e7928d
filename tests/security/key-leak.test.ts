import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, signSessionToken } from "@/lib/auth/session-token";
import { enumerateApp } from "./helpers/enumerate-app";

/**
 * Builds the studio in a temp copy with a canary key, then proves the key is nowhere in
 * .next/static or in any page a browser can fetch, and — against the real server — that
 * every route without a cookie is refused unless public. Slow (a production build), so it
 * runs only with RUN_BUILD_TESTS=1 (CI sets it).
 */
const enabled = process.env.RUN_BUILD_TESTS === "1";
const repo = path.resolve(__dirname, "../..");
const KEY = `sk-canary-${randomBytes(12).toString("hex")}`;
const PASSWORD = "leak-test-password";
const PORT = 3650;
const base = `http://127.0.0.1:${PORT}`;
const PUBLIC = new Set([
  "/sign-in",
  "/s/[shareId]",
  "/api/health",
  "/api/callbacks/kling/[token]",
  "/api/share-media/[shareId]/[kind]",
  "/api/simulator/[...path]",
]);

let copy = "";
let server: ChildProcess | undefined;
let cookie = "";

describe.skipIf(!enabled)("a build made with a real key", () => {
  beforeAll(async () => {
    copy = mkdtempSync(path.join(os.tmpdir(), "omni-key-leak-"));
    execFileSync("rsync", [
      "-a",
      "--exclude",
      "node_modules",
      "--exclude",
      ".next",
      "--exclude",
      "data",
      "--exclude",
      "test-results",
      `${repo}/`,
      `${copy}/`,
    ]);
    execFileSync("cp", ["-al", path.join(repo, "node_modules"), path.join(copy, "node_modules")]);
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
      PORT: String(PORT),
    };
    execFileSync("npx", ["next", "build"], { cwd: copy, env, stdio: "ignore" });
    execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/db-migrate.ts"], {
      cwd: copy,
      env,
      stdio: "ignore",
    });
    server = spawn("npx", ["next", "start", "-p", String(PORT)], {
      cwd: copy,
      env,
      stdio: "ignore",
      detached: true,
    });
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await fetch(`${base}/`, { redirect: "manual" }); // makes the server write its session secret
    const secret = Buffer.from(
      readFileSync(path.join(copy, "data", "session-secret"), "utf8").trim(),
      "hex",
    );
    cookie = `${SESSION_COOKIE}=${signSessionToken({ secret, password: PASSWORD }, Date.now() + 600_000)}`;
  }, 300_000);

  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
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
      e.methods.filter((m) => m !== "HEAD").map((m) => [`${m} ${e.pattern}`, e, m] as const),
    ),
  )(
    "%s: refused without a session unless public, served with one",
    async (_name, entry, method) => {
      const body = method === "GET" ? undefined : "{}";
      const anonymous = await fetch(`${base}${entry.url}`, { method, body, redirect: "manual" });
      const isPublic = PUBLIC.has(entry.pattern) && (entry.kind === "route" || method === "GET");
      if (!isPublic) expect([307, 401]).toContain(anonymous.status);
      else expect([307, 401]).not.toContain(anonymous.status);
      expect(await anonymous.text()).not.toContain(KEY);
      const signedIn = await fetch(`${base}${entry.url}`, {
        method,
        body,
        headers: { cookie },
        redirect: "manual",
      });
      expect(signedIn.status).not.toBe(401);
      if (entry.pattern !== "/sign-in")
        expect(signedIn.headers.get("location") ?? "").not.toContain("/sign-in");
      expect(await signedIn.text()).not.toContain(KEY);
    },
  );

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
