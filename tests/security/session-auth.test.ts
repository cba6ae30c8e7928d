import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { safeNextPath } from "@/lib/auth/public-paths";
import {
  newSessionId,
  passwordMatches,
  SESSION_COOKIE,
  signSessionToken,
  verifySessionToken,
} from "@/lib/auth/session-token";
import { resetEnvForTests } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import { type TestDatabase, useTestDatabase } from "../helpers/db-test-env";
import { refusalInEnglish } from "../helpers/say-english";

/** next/headers stands in for one request: its headers and the cookies the action sets. */
const request = {
  headers: new Headers(),
  set: [] as Array<{ name: string; value: string; options: Record<string, unknown> }>,
};
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: () => undefined,
    set: (name: string, value: string, options: Record<string, unknown>) =>
      request.set.push({ name, value, options }),
  }),
}));

const { signIn } = await import("@/lib/auth/sign-in");
const { signInLimiter } = await import("@/lib/auth/sign-in-limiter");
const saved = { ...process.env };
let db: TestDatabase;

// Signing in opens a session row.
beforeAll(async () => {
  db = await useTestDatabase("sqlite");
});
beforeEach(() => {
  process.env.STUDIO_PASSWORD = "open sesame";
  delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
  signInLimiter.reset();
  delete process.env.TRUSTED_PROXY_COUNT;
  request.headers = new Headers({ [PEER_ADDRESS_HEADER]: "203.0.113.9" });
  request.set = [];
});
afterAll(async () => {
  await db.cleanup();
  process.env = saved;
  resetEnvForTests();
});

const keys = { secret: Buffer.alloc(32, 7), password: "open sesame" };
const form = (password: unknown, next = "/gallery") => {
  const data = new FormData();
  if (typeof password === "string") data.set("password", password);
  data.set("next", next);
  return data;
};

describe("session tokens", () => {
  const now = 1_800_000_000_000;
  const id = newSessionId();
  const token = signSessionToken(keys, id, now + 60_000);

  it("accepts its own token until it expires", () => {
    expect(verifySessionToken(keys, token, now)).toEqual({ id, expiresAt: now + 60_000 });
    expect(verifySessionToken(keys, token, now + 60_001)).toBeNull();
  });

  it.each([
    ["a changed expiry", token.replace(/\.(\d)(\d+)\./, ".9$2.")],
    ["another session's id", token.replace(id, newSessionId())],
    ["the old v1 form", `v1.${now + 60_000}.${"A".repeat(43)}`],
    ["a flipped signature", token.slice(0, -1) + (token.endsWith("A") ? "B" : "A")],
    ["an empty value", ""],
    ["garbage", "hello"],
    ["an oversized value", "v1.1.".padEnd(5000, "a")],
  ])("refuses %s", (_name, value) => {
    expect(verifySessionToken(keys, value, now)).toBeNull();
  });

  it("is void after the password changes, or under another secret", () => {
    expect(verifySessionToken({ ...keys, password: "new" }, token, now)).toBeNull();
    expect(verifySessionToken({ ...keys, secret: Buffer.alloc(32, 8) }, token, now)).toBeNull();
  });

  it("compares passwords of any type safely", () => {
    expect(passwordMatches("pw", "pw")).toBe(true);
    expect(passwordMatches("pw", "pw ")).toBe(false);
    expect(passwordMatches("pw", ["pw"])).toBe(false);
    expect(passwordMatches("pw", null)).toBe(false);
    expect(passwordMatches("pw", "x".repeat(100_000))).toBe(false);
  });
});

describe("sign-in", () => {
  it("sets an httpOnly, SameSite=Lax cookie, Secure behind https", async () => {
    request.headers.set("x-forwarded-proto", "https");
    await expect(signIn(form("open sesame"))).resolves.toEqual({ next: "/gallery" });
    expect(request.set[0]).toMatchObject({
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: "lax", secure: true, path: "/" },
    });
  });

  it("is not Secure over plain http without an https PUBLIC_BASE_URL", async () => {
    await signIn(form("open sesame"));
    expect(request.set[0]?.options.secure).toBe(false);
  });

  it("refuses a wrong password, then slows the guesser down per address", async () => {
    for (let i = 0; i < 5; i++)
      expect(await refusalInEnglish(signIn(form("guess")))).toBe("That password is not right.");
    expect(await refusalInEnglish(signIn(form("open sesame")))).toMatch(
      /Too many attempts\. Try again in \d+ s\./,
    );
    request.headers = new Headers({ [PEER_ADDRESS_HEADER]: "198.51.100.1" }); // another address
    await expect(signIn(form("open sesame"))).resolves.toBeDefined();
  });

  it("keys the limit on the connection, not on X-Forwarded-For the client wrote", async () => {
    // The reproduction: 20 wrong passwords, each with an invented address, then the right one.
    for (let i = 0; i < 20; i++) {
      request.headers = new Headers({
        [PEER_ADDRESS_HEADER]: "203.0.113.9",
        "x-forwarded-for": `10.0.${i}.1`,
        "x-real-ip": `10.1.${i}.1`,
      });
      expect(await refusalInEnglish(signIn(form(`guess ${i}`)))).toMatch(
        i < 5 ? "That password is not right." : /Too many attempts/,
      );
    }
    request.headers = new Headers({
      [PEER_ADDRESS_HEADER]: "203.0.113.9",
      "x-forwarded-for": "192.0.2.77",
    });
    expect(await refusalInEnglish(signIn(form("open sesame")))).toMatch(/Too many attempts/);
    expect(request.set).toEqual([]);
  });

  it("with TRUSTED_PROXY_COUNT=1, keys on the address the proxy appended, not the ones before it", async () => {
    process.env.TRUSTED_PROXY_COUNT = "1";
    resetEnvForTests();
    const viaProxy = (forged: string, client: string) =>
      new Headers({
        [PEER_ADDRESS_HEADER]: "127.0.0.1",
        "x-forwarded-for": `${forged}, ${client}`,
      });
    for (let i = 0; i < 5; i++) {
      request.headers = viaProxy(`10.9.${i}.1`, "198.51.100.7");
      expect(await refusalInEnglish(signIn(form("guess")))).toBe("That password is not right.");
    }
    request.headers = viaProxy("10.9.99.1", "198.51.100.7");
    expect(await refusalInEnglish(signIn(form("open sesame")))).toMatch(/Too many attempts/);
    request.headers = viaProxy("10.9.99.1", "198.51.100.8"); // another client behind the proxy
    await expect(signIn(form("open sesame"))).resolves.toBeDefined();
  });

  it("refuses a missing password field", async () => {
    expect(await refusalInEnglish(signIn(form(undefined)))).toBe("That password is not right.");
  });

  it.each([
    ["//evil.example/", "/"],
    ["https://evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/gallery?x=1", "/gallery?x=1"],
    ["javascript:alert(1)", "/"],
    ["/ok\r\nSet-Cookie: x", "/"],
  ])("never redirects off-site after sign-in: %j → %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
