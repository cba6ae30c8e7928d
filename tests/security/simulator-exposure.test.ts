import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/simulator/[...path]/route";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import type { Simulator } from "@/lib/simulator/create-simulator";
import { TEXT_TO_VIDEO } from "../helpers/simulator-harness";

/**
 * The in-app simulator (`/api/simulator`, public in proxy.ts because the studio's own client
 * calls it without a session) as an outsider meets it on a studio with STUDIO_PASSWORD set:
 * the key that used to be a constant in the source opens nothing, and the right key from
 * anywhere but this machine opens nothing either.
 */
const OLD_CONSTANT_KEY = "sk-omni-studio-simulator";
const BASE = "http://127.0.0.1:3000/api/simulator";
const CREATE = `${BASE}/kling/v1/videos/omni-video`;
const holder = globalThis as typeof globalThis & { __omniSimulator?: Simulator };
const saved = { ...process.env };
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "omni-sim-exposure-"));
  Object.assign(process.env, {
    STUDIO_PASSWORD: "a password",
    SIMULATOR_DATA_DIR: dataDir,
    SIMULATOR_SPEED: "0.02",
    PORT: "3000",
  });
  delete process.env.COMETAPI_KEY;
  delete process.env.COMETAPI_BASE_URL;
  delete process.env.SIMULATOR_KEY;
  delete process.env.SIMULATOR_CONTROL;
  resetEnvForTests();
});

afterAll(async () => {
  await holder.__omniSimulator?.close();
  holder.__omniSimulator = undefined;
  process.env = saved;
  resetEnvForTests();
  rmSync(dataDir, { recursive: true, force: true });
});

function create(headers: Record<string, string>): Promise<Response> {
  return POST(
    new Request(CREATE, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(TEXT_TO_VIDEO),
    }),
  );
}

describe("the built-in simulator", () => {
  it("has a random key per process that the studio's own client uses", () => {
    const env = getEnv();
    expect(env.demoMode).toBe(true);
    expect(env.simulator.key).not.toBe(OLD_CONSTANT_KEY);
    expect(env.simulator.key).toMatch(/^sk-sim-[A-Za-z0-9_-]{32}$/);
    expect(env.cometBearer).toBe(env.simulator.key);
  });

  it.each([
    ["no key", {}],
    ["the old constant key", { authorization: `Bearer ${OLD_CONSTANT_KEY}` }],
  ])("refuses %s, even from this machine", async (_name, headers) => {
    const response = await create({ [PEER_ADDRESS_HEADER]: "127.0.0.1", ...headers });
    expect(response.status).toBe(401);
  });

  it.each([
    ["another machine", { [PEER_ADDRESS_HEADER]: "203.0.113.5" }],
    [
      "another machine claiming loopback",
      {
        [PEER_ADDRESS_HEADER]: "203.0.113.5",
        "x-forwarded-for": "127.0.0.1",
        "x-real-ip": "127.0.0.1",
      },
    ],
    ["a request the server could not place", {}],
    [
      "another machine through a reverse proxy on this one",
      { [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "203.0.113.5", proxies: "1" },
    ],
  ])("refuses %s, even with the right key", async (_name, given) => {
    const { proxies, ...headers } = given as Record<string, string>;
    process.env.TRUSTED_PROXY_COUNT = proxies ?? "0";
    resetEnvForTests();
    const authorization = `Bearer ${getEnv().simulator.key}`;
    const response = await create({ authorization, ...headers });
    expect(response.status).toBe(403);
    const download = await GET(
      new Request(`${BASE}/files/123456789012.mp4?expires=1&sig=x`, { headers }),
    );
    expect(download.status).toBe(403);
  });

  it("serves the studio's own client: the process key over loopback", async () => {
    process.env.TRUSTED_PROXY_COUNT = "1"; // its own calls carry no X-Forwarded-For
    resetEnvForTests();
    for (const peer of ["127.0.0.1", "::ffff:127.0.0.1", "::1"]) {
      const response = await create({
        authorization: `Bearer ${getEnv().cometBearer}`,
        [PEER_ADDRESS_HEADER]: peer,
      });
      expect(response.status, peer).toBe(200);
    }
  });
});
