import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getGeneration } from "@/app/api/generations/[id]/route";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import { proxy } from "@/proxy";
import { queryTestDatabase, type TestDatabase, useTestDatabase } from "../helpers/db-test-env";

/**
 * The reproduction: sign in, keep a copy of the cookie, sign out — the copy used to keep
 * working for its whole 14 days. Now the server forgets the session, and the copy answers
 * 401 wherever it is shown; "Sign out everywhere" does the same for every browser at once.
 */
const browser = {
  headers: new Headers(),
  jar: new Map<string, string>(),
};
vi.mock("next/headers", () => ({
  headers: async () => browser.headers,
  cookies: async () => ({
    get: (name: string) => {
      const value = browser.jar.get(name);
      return value === undefined ? undefined : { name, value };
    },
    set: (name: string, value: string) => {
      if (value === "") browser.jar.delete(name);
      else browser.jar.set(name, value);
    },
  }),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
}));

const { signIn, signOut } = await import("@/lib/auth/sign-in");
const { signInLimiter } = await import("@/lib/auth/sign-in-limiter");
const { signOutEverywhereAction } = await import("@/lib/actions/sign-out-everywhere");
const { requireRequestSession } = await import("@/lib/auth/session");

const saved = { ...process.env };
let db: TestDatabase;

beforeAll(async () => {
  process.env.STUDIO_PASSWORD = "open sesame";
  resetEnvForTests();
  db = await useTestDatabase("sqlite");
});
beforeEach(() => {
  signInLimiter.reset();
  browser.headers = new Headers({ [PEER_ADDRESS_HEADER]: "127.0.0.1" });
  browser.jar.clear();
});
afterAll(async () => {
  await db.cleanup();
  process.env = saved;
  resetEnvForTests();
});

/** Signs in as a fresh browser and returns its cookie header. */
async function signInAsNewBrowser(): Promise<string> {
  browser.jar.clear();
  const form = new FormData();
  form.set("password", "open sesame");
  await signIn(form);
  const token = browser.jar.get(SESSION_COOKIE);
  if (!token) throw new Error("no session cookie was set");
  return `${SESSION_COOKIE}=${token}`;
}

/** How the studio answers a cookie: through proxy.ts, and in a route handler on its own. */
async function answers(cookie: string): Promise<{ proxy: number | "through"; route: number }> {
  const url = "http://127.0.0.1:3000/api/generations/gen_missing";
  const viaProxy = await proxy(new NextRequest(url, { headers: { cookie } }));
  const proxied =
    viaProxy.headers.get("x-middleware-next") === "1" ? ("through" as const) : viaProxy.status;
  let route: number;
  try {
    await requireRequestSession(new Request(url, { headers: { cookie } }));
    const response = await getGeneration(new Request(url, { headers: { cookie } }), {
      params: Promise.resolve({ id: "gen_missing" }),
    });
    route = response.status;
  } catch {
    route = 401;
  }
  return { proxy: proxied, route };
}

describe("sign-out", () => {
  it("ends the session on the server: a replayed cookie answers 401", async () => {
    const cookie = await signInAsNewBrowser();
    expect(await answers(cookie)).toEqual({ proxy: "through", route: 404 });
    await signOut();
    expect(browser.jar.has(SESSION_COOKIE)).toBe(false);
    expect(await answers(cookie)).toEqual({ proxy: 401, route: 401 });
  });

  it("ends only its own session", async () => {
    const laptop = await signInAsNewBrowser();
    const phone = await signInAsNewBrowser();
    browser.jar.set(SESSION_COOKIE, laptop.split("=")[1] ?? "");
    await signOut();
    expect((await answers(laptop)).proxy).toBe(401);
    expect((await answers(phone)).proxy).toBe("through");
  });

  it("keeps no session rows past their expiry", async () => {
    await signInAsNewBrowser();
    await getDb().session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const cookie = await signInAsNewBrowser();
    const rows = await queryTestDatabase<{ n: number }>('SELECT COUNT(*) AS n FROM "Session"');
    expect(rows[0]?.n).toBe(1);
    expect((await answers(cookie)).proxy).toBe("through");
  });
});

describe("sign out everywhere", () => {
  it("ends every browser's session at once", async () => {
    const laptop = await signInAsNewBrowser();
    const phone = await signInAsNewBrowser();
    browser.jar.set(SESSION_COOKIE, laptop.split("=")[1] ?? "");
    await expect(signOutEverywhereAction()).rejects.toMatchObject({ to: "/sign-in" });
    expect(await answers(laptop)).toEqual({ proxy: 401, route: 401 });
    expect(await answers(phone)).toEqual({ proxy: 401, route: 401 });
    expect(await getDb().session.count()).toBe(0);
  });

  it("needs a session: a page elsewhere cannot sign the owner out", async () => {
    const phone = await signInAsNewBrowser();
    browser.jar.clear();
    await expect(signOutEverywhereAction()).resolves.toMatchObject({
      ok: false,
      code: "unauthorized",
    });
    expect((await answers(phone)).proxy).toBe("through");
  });
});
