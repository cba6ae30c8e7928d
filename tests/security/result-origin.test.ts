import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { resultDownloadPolicy } from "@/lib/security/result-hosts";
import { SafeFetchError, safeFetchBuffer } from "@/lib/security/safe-fetch";
import { checkHop } from "@/lib/security/safe-fetch-policy";

/**
 * A configured COMETAPI_BASE_URL is the operator's own choice: a self-hosted relay on plain
 * http, on a private network or on loopback is a normal setup, and its result downloads must
 * work (issue 9, point 2). Exactly that origin is trusted; every SSRF rule stays for the rest.
 * Run with NODE_ENV=production and a key, so no demo or test allowance can be what lets it in.
 */
let relay: http.Server;
let origin = "";
const saved = { ...process.env };
const limits = { maxBytes: 1024 * 1024, timeoutMs: 3000 };

beforeAll(async () => {
  relay = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const to = url.searchParams.get("to");
    if (url.pathname === "/redirect" && to) res.writeHead(302, { location: to }).end();
    else res.writeHead(200, { "content-type": "video/mp4" }).end("result bytes");
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => relay.close(() => resolve())));
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

function configure(baseUrl: string): void {
  Object.assign(process.env, {
    NODE_ENV: "production",
    COMETAPI_KEY: "sk-test-relay-0123456789",
    COMETAPI_BASE_URL: baseUrl,
  });
  resetEnvForTests();
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SafeFetchError);
    return (error as SafeFetchError).reason;
  }
  return "fetched";
}

describe("result downloads from the configured API origin", () => {
  it("downloads over plain http from a relay on loopback, outside demo and test mode", async () => {
    configure(`${origin}/comet`);
    const result = await safeFetchBuffer(`${origin}/files/out.mp4?sig=x`, {
      ...limits,
      ...resultDownloadPolicy(),
    });
    expect(result.bytes.toString()).toBe("result bytes");
  });

  it("trusts a relay on a private network address, by its exact origin", async () => {
    configure("http://10.20.30.40:8080");
    const address = await checkHop(
      new URL("http://10.20.30.40:8080/v.mp4"),
      resultDownloadPolicy(),
    );
    expect(address).toEqual({ address: "10.20.30.40", family: 4 });
  });

  it("trusts a relay's host name that resolves to a private address", async () => {
    configure("http://relay.lan:3000");
    const resolve = async () => [{ address: "192.168.1.9", family: 4 as const }];
    const hop = checkHop(new URL("http://relay.lan:3000/v.mp4"), {
      ...resultDownloadPolicy(),
      resolve,
    });
    await expect(hop).resolves.toEqual({ address: "192.168.1.9", family: 4 });
  });

  it.each([
    ["the same host on another port", (o: URL) => `http://${o.hostname}:9/v.mp4`, "scheme"],
    ["the same host and port over https", (o: URL) => `https://${o.host}/v.mp4`, "private_address"],
    ["another private address", () => "http://10.20.30.41:8080/v.mp4", "scheme"],
    ["the metadata service", () => "http://169.254.169.254/latest/meta-data/", "scheme"],
    ["an unknown public host", () => "https://attacker.example/v.mp4", "host_not_allowed"],
  ])("still refuses %s", async (_name, target, expected) => {
    configure("http://10.20.30.40:8080");
    const url = new URL(target(new URL("http://10.20.30.40:8080")));
    expect(await reason(checkHop(url, resultDownloadPolicy()))).toBe(expected);
  });

  it("checks a redirect away from the trusted origin like any other hop", async () => {
    configure(origin);
    const away = `${origin}/redirect?to=${encodeURIComponent("http://127.0.0.1:9/x.mp4")}`;
    expect(await reason(safeFetchBuffer(away, { ...limits, ...resultDownloadPolicy() }))).toBe(
      "scheme",
    );
    const within = `${origin}/redirect?to=${encodeURIComponent(`${origin}/files/b.mp4`)}`;
    const followed = await safeFetchBuffer(within, { ...limits, ...resultDownloadPolicy() });
    expect(followed.bytes.toString()).toBe("result bytes");
  });

  it("does not trust loopback at all when the API is CometAPI itself", async () => {
    configure("https://api.cometapi.com");
    expect(
      await reason(safeFetchBuffer(`${origin}/v.mp4`, { ...limits, ...resultDownloadPolicy() })),
    ).toBe("scheme");
  });
});
