import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
// Next's server installs globalThis.AsyncLocalStorage before anything else; without it the
// lazy exports behind next/experimental/testing/server throw "AsyncLocalStorage accessed in
// runtime where it is not available" once a test in this file writes to the console.
import "next/dist/server/node-environment-baseline";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getSessionKeys } from "@/lib/auth/session";
import { createSession } from "@/lib/auth/session-store";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { resetEnvForTests } from "@/lib/env";
import { exportHistoryStream } from "@/lib/history/export-history";
import { config, proxy } from "@/proxy";
import { type TestDatabase, useTestDatabase } from "../helpers/db-test-env";
import { enumerateActionFiles, enumerateApp } from "./helpers/enumerate-app";

/**
 * Walks app/ and lib/actions/ on disk and proves every page, route handler and server action
 * is either behind sign-in or on this explicit list. A new route is protected by default;
 * making one public means adding it here, on purpose.
 */
const PUBLIC_ROUTES = new Set([
  "/sign-in",
  "/s/[shareId]",
  "/api/health",
  "/api/callbacks/kling/[token]",
  "/api/share-media/[shareId]/[kind]",
  "/api/simulator/[...path]",
]);
// setLocaleAction: the sign-in page offers "Language" before anyone has a session; it only
// sets the language cookie, and refuses anything but a known locale (tested below).
const PUBLIC_ACTIONS = new Set(["signInAction", "signOutAction", "setLocaleAction"]);
/**
 * Routes proxy.ts skips because it would buffer their large bodies in memory; each checks
 * the session itself, which is proven below by calling the handler directly: refused
 * without a session, and served (its success status) for a valid request with one.
 */
type SelfGuarded = {
  load: () => Promise<{ POST: (r: Request) => Promise<Response> }>;
  valid: () => Promise<{ body: BodyInit; headers?: Record<string, string> }>;
  served: number;
};
const SELF_GUARDED_ROUTES: Record<string, SelfGuarded> = {
  "/api/uploads": {
    load: () => import("@/app/api/uploads/route"),
    valid: async () => ({
      body: readFileSync(path.join(root, "tests/fixtures/ref-blue.png")),
      headers: { "x-file-name": "ref-blue.png" },
    }),
    served: 201,
  },
  "/api/import": {
    load: () => import("@/app/api/import/route"),
    // The studio's own (empty) export is a valid archive.
    valid: async () => ({ body: await new Response(await exportHistoryStream()).arrayBuffer() }),
    served: 200,
  },
};

const root = path.resolve(__dirname, "../..");
const entries = enumerateApp(path.join(root, "app"));
const saved = process.env.STUDIO_PASSWORD;
let cookie = "";
let db: TestDatabase;
let mediaDir = "";
const savedMediaDir = process.env.MEDIA_DIR;

beforeAll(async () => {
  // An action that forgot its check would really run: give it a throwaway database (and
  // the served uploads a throwaway media folder).
  mediaDir = mkdtempSync(path.join(os.tmpdir(), "omni-route-protection-"));
  process.env.MEDIA_DIR = mediaDir;
  db = await useTestDatabase("sqlite");
  process.env.STUDIO_PASSWORD = "correct horse battery staple";
  resetEnvForTests();
  const keys = getSessionKeys();
  if (!keys) throw new Error("auth should be on");
  cookie = `${SESSION_COOKIE}=${(await createSession(keys)).token}`;
});
afterAll(async () => {
  await db.cleanup();
  if (savedMediaDir === undefined) delete process.env.MEDIA_DIR;
  else process.env.MEDIA_DIR = savedMediaDir;
  rmSync(mediaDir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.STUDIO_PASSWORD;
  else process.env.STUDIO_PASSWORD = saved;
  resetEnvForTests();
});

function call(url: string, method: string, headers: Record<string, string> = {}) {
  return proxy(new NextRequest(new URL(url, "http://studio.test"), { method, headers }));
}
const passedThrough = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("every page and route handler", () => {
  it("was found on disk", () => {
    expect(entries.length).toBeGreaterThanOrEqual(10);
    expect(entries.map((e) => e.pattern)).toContain("/");
  });

  it.each(entries.map((e) => [`${e.kind} ${e.pattern}`, e] as const))(
    "%s is covered",
    async (_name, entry) => {
      const selfGuarded = SELF_GUARDED_ROUTES[entry.pattern];
      if (selfGuarded) {
        expect(unstable_doesMiddlewareMatch({ config, url: entry.url })).toBe(false);
        const { POST } = await selfGuarded.load();
        const url = new URL(entry.url, "http://studio.test");
        const anonymous = await POST(new Request(url, { method: "POST", body: "x" }));
        expect(anonymous.status, `POST ${entry.pattern} without a session`).toBe(401);
        const forged = await POST(
          new Request(url, {
            method: "POST",
            body: "x",
            headers: {
              cookie: `${SESSION_COOKIE}=v2.${"A".repeat(32)}.99999999999999.${"A".repeat(43)}`,
            },
          }),
        );
        expect(forged.status).toBe(401);
        const valid = await selfGuarded.valid();
        const signedIn = await POST(
          new Request(url, {
            method: "POST",
            body: valid.body,
            headers: { ...valid.headers, cookie },
          }),
        );
        expect(signedIn.status, `POST ${entry.pattern} with a session`).toBe(selfGuarded.served);
        return;
      }
      expect(unstable_doesMiddlewareMatch({ config, url: entry.url })).toBe(true);
      for (const method of entry.methods) {
        const anonymous = await call(entry.url, method);
        const isPublic = PUBLIC_ROUTES.has(entry.pattern);
        const publicHere =
          isPublic && (entry.kind === "route" || method === "GET" || entry.pattern === "/sign-in");
        if (publicHere) {
          expect(passedThrough(anonymous), `${method} ${entry.pattern} should be public`).toBe(
            true,
          );
        } else if (method === "GET" && !entry.pattern.startsWith("/api/")) {
          expect(anonymous.status).toBe(307);
          expect(anonymous.headers.get("location")).toMatch(/\/sign-in/);
        } else {
          expect(anonymous.status, `${method} ${entry.pattern} without a session`).toBe(401);
        }
        const forged = await call(entry.url, method, {
          cookie: `${SESSION_COOKIE}=v2.${"A".repeat(32)}.99999999999999.${"A".repeat(43)}`,
        });
        if (!publicHere) expect(passedThrough(forged)).toBe(false);
        expect(
          passedThrough(await call(entry.url, method, { cookie })),
          `${method} ${entry.pattern} with a session`,
        ).toBe(true);
      }
    },
  );

  it.each(entries.filter((e) => e.kind === "page").map((e) => [e.pattern, e] as const))(
    "a server action posted to %s needs a session",
    async (pattern, entry) => {
      const asAction = await call(entry.url, "POST", { "next-action": "0123abcd" });
      const asForm = await call(entry.url, "POST", {
        "content-type": "multipart/form-data; boundary=x",
      });
      if (pattern === "/sign-in") return expect(passedThrough(asAction)).toBe(true);
      expect(asAction.status).toBe(401);
      expect(asForm.status).toBe(401);
    },
  );

  it("lists no public route that no longer exists", () => {
    const patterns = new Set(entries.map((e) => e.pattern));
    for (const pattern of PUBLIC_ROUTES) expect(patterns.has(pattern), pattern).toBe(true);
  });
});

// Outside a request there is no cookie: a protected action must answer `unauthorized`.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
const actions: Array<[string, (...args: unknown[]) => Promise<unknown>]> = [];
for (const file of enumerateActionFiles(path.join(root, "lib/actions"))) {
  const module = (await import(file)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === "function" && name.endsWith("Action"))
      actions.push([name, value as never]);
  }
}

describe("every server action checks the session itself", () => {
  it("found them", () => {
    expect(actions.length).toBeGreaterThanOrEqual(3);
  });

  it("setLocaleAction, public, accepts nothing but a known locale", async () => {
    const setLocale = actions.find(([name]) => name === "setLocaleAction")?.[1] as
      | ((locale: unknown) => Promise<unknown>)
      | undefined;
    expect(setLocale).toBeDefined();
    for (const bad of [undefined, "xx", "../ko", { locale: "ko" }])
      expect(await setLocale?.(bad)).toMatchObject({ ok: false, code: "invalid_input" });
  });

  it.each(actions.filter(([name]) => !PUBLIC_ACTIONS.has(name)))(
    "%s refuses a caller without a session",
    async (_name, action) => {
      process.env.STUDIO_PASSWORD = "correct horse battery staple";
      resetEnvForTests();
      const result = (await action(undefined, undefined)) as { ok: boolean; code?: string };
      expect(result).toMatchObject({ ok: false, code: "unauthorized" });
    },
  );
});
