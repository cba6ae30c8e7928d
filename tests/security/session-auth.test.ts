import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { safeNextPath } from "@/lib/auth/public-paths";
import {
  passwordMatches,
  SESSION_COOKIE,
  signSessionToken,
  verifySessionToken,
} from "@/lib/auth/session-token";
import { resetEnvForTests } from "@/lib/env";

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

beforeEach(() => {
  process.env.STUDIO_PASSWORD = "open sesame";
  delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
  signInLimiter.reset();
  request.headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
  request.set = [];
});
afterAll(() => {
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
  const token = signSessionToken(keys, now + 60_000);

  it("accepts its own token until it expires", () => {
    expect(verifySessionToken(keys, token, now)).not.toBeNull();
    expect(verifySessionToken(keys, token, now + 60_001)).toBeNull();
  });

  it.each([
    ["a changed expiry", token.replace(/^v1\.\d/, "v1.9")],
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
      await expect(signIn(form("guess"))).rejects.toThrow("That password is not right.");
    await expect(signIn(form("open sesame"))).rejects.toThrow(
      /Too many attempts\. Try again in \d+ s\./,
    );
    request.headers = new Headers({ "x-forwarded-for": "198.51.100.1" }); // another address
    await expect(signIn(form("open sesame"))).resolves.toBeDefined();
  });

  it("refuses a missing password field", async () => {
    await expect(signIn(form(undefined))).rejects.toThrow("That password is not right.");
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
