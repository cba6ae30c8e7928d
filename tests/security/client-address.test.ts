import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postUpload } from "@/app/api/uploads/route";
import { resetEnvForTests } from "@/lib/env";
import {
  clientAddressOf,
  isLocalRequest,
  PEER_ADDRESS_HEADER,
} from "@/lib/security/client-address";
import { resetSpendGuardForTests } from "@/lib/security/spend-guard";

/**
 * In an open studio the per-visitor limits key on the client's address. The attack sent a
 * new X-Forwarded-For with every request and was never limited; the address now comes from
 * the connection (scripts/serve.mjs), or from a configured number of trusted proxies.
 */
const saved = { ...process.env };

beforeAll(() => {
  delete process.env.STUDIO_PASSWORD;
  delete process.env.TRUSTED_PROXY_COUNT;
  process.env.UPLOAD_RATE_PER_MINUTE = "2";
  resetEnvForTests();
  resetSpendGuardForTests();
});
afterAll(() => {
  process.env = saved;
  resetEnvForTests();
  resetSpendGuardForTests();
});

function upload(headers: Record<string, string>): Promise<Response> {
  return postUpload(
    new Request("http://127.0.0.1:3000/api/uploads", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", ...headers },
      body: "not a picture",
    }),
  );
}

describe("open-mode upload limit", () => {
  it("is not reset by inventing a new X-Forwarded-For each time", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await upload({
        [PEER_ADDRESS_HEADER]: "198.51.100.20",
        "x-forwarded-for": `10.9.${i}.1`,
      });
      statuses.push(response.status);
    }
    // Two judged (and refused as no picture), then the limit.
    expect(statuses).toEqual([400, 400, 429, 429, 429, 429]);
    expect((await upload({ [PEER_ADDRESS_HEADER]: "198.51.100.21" })).status).toBe(400);
  });
});

describe("clientAddressOf", () => {
  const headers = (xff: string | undefined, peer = "127.0.0.1") =>
    new Headers({ [PEER_ADDRESS_HEADER]: peer, ...(xff ? { "x-forwarded-for": xff } : {}) });

  it.each([
    [0, "6.6.6.6", "::ffff:198.51.100.9", "198.51.100.9"],
    [1, "6.6.6.6, 203.0.113.7", "127.0.0.1", "203.0.113.7"],
    [2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "127.0.0.1", "203.0.113.7"],
    [1, undefined, "127.0.0.1", "127.0.0.1"],
    [3, "203.0.113.7", "10.0.0.9", "10.0.0.9"],
  ])("with %i trusted proxies, XFF %s and peer %s → %s", (proxies, xff, peer, expected) => {
    expect(clientAddressOf(headers(xff, peer), proxies)).toBe(expected);
  });

  it("says unknown, not a header's word, when no peer was stamped", () => {
    expect(clientAddressOf(new Headers({ "x-forwarded-for": "6.6.6.6" }), 0)).toBe("unknown");
  });
});

/**
 * The peer header means something only when scripts/serve.mjs wrote it (it deletes any copy
 * the client sent). Served by `next start` instead, the header is the client's own word: a
 * new invented peer with every request bought a fresh limit each time.
 */
describe("a studio not started through scripts/serve.mjs", () => {
  afterAll(() => {
    process.env.OMNI_PEER_ADDRESS_STAMPED = "1";
    resetEnvForTests();
    resetSpendGuardForTests();
  });

  it("ignores a client-written peer header: limits, and the simulator's loopback check", async () => {
    delete process.env.OMNI_PEER_ADDRESS_STAMPED;
    resetEnvForTests();
    resetSpendGuardForTests();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await upload({ [PEER_ADDRESS_HEADER]: `198.51.100.${30 + i}` })).status);
    }
    expect(statuses).toEqual([400, 400, 429, 429, 429]);
    const forged = new Headers({ [PEER_ADDRESS_HEADER]: "127.0.0.1" });
    expect(clientAddressOf(forged)).toBe("unknown");
    expect(isLocalRequest(forged)).toBe(false);
  });
});
