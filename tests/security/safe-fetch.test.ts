import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { classifyAddress } from "@/lib/security/ip-address";
import { SafeFetchError, safeFetch, safeFetchBuffer } from "@/lib/security/safe-fetch";
import { downloadMp4ToMedia } from "@/lib/storage/download-to-file";
import { refusalInEnglish } from "@/tests/helpers/say-english";

/** A local server whose routes redirect, stream, stall or lie, to attack safeFetch with. */
let server: http.Server;
let origin = "";
let hits: string[] = [];

beforeAll(async () => {
  resetEnvForTests();
  server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    const url = new URL(req.url ?? "/", "http://x");
    const to = url.searchParams.get("to");
    if (url.pathname === "/redirect" && to) {
      res.writeHead(302, { location: to }).end();
    } else if (url.pathname === "/loop") {
      res.writeHead(302, { location: "/loop" }).end();
    } else if (url.pathname === "/big-declared") {
      res.writeHead(200, { "content-length": String(10 * 1024 * 1024) }).end();
    } else if (url.pathname === "/big-chunked") {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024);
      let n = 0;
      const push = () => {
        while (n++ < 200) if (!res.write(chunk)) return res.once("drain", push);
        res.end();
      };
      push();
    } else if (url.pathname === "/slow") {
      res.writeHead(200);
      res.write("a"); // and never finishes
    } else {
      res.writeHead(200, { "content-type": "text/plain" }).end("fine");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const limits = { maxBytes: 1024 * 1024, timeoutMs: 3000 };
const viaLocal = () => ({ ...limits, allowLoopbackOrigins: [origin] });

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SafeFetchError);
    expect((error as Error).message).not.toMatch(/ECONN|ENOTFOUND|\n\s+at /);
    return (error as SafeFetchError).reason;
  }
  return "fetched";
}

describe("address classes", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "blocked"],
    ["172.16.5.4", "blocked"],
    ["192.168.1.1", "blocked"],
    ["169.254.169.254", "blocked"],
    ["100.64.0.1", "blocked"],
    ["0.0.0.0", "blocked"],
    ["224.0.0.1", "blocked"],
    ["255.255.255.255", "blocked"],
    ["::ffff:127.0.0.1", "blocked"],
    ["::ffff:a9fe:a9fe", "blocked"],
    ["fd12:3456::1", "blocked"],
    ["fe80::1", "blocked"],
    ["ff02::1", "blocked"],
    ["64:ff9b::a00:1", "blocked"],
    ["2002:a00:1::1", "blocked"],
    ["not-an-ip", "blocked"],
    ["93.184.216.34", "public"],
    ["2606:4700:4700::1111", "public"],
  ])("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe("safeFetch refuses what it must", () => {
  it.each([
    ["plain http to a public host", "http://example.com/a.png", "scheme"],
    ["file:", "file:///etc/passwd", "scheme"],
    ["ftp:", "ftp://example.com/a", "scheme"],
    ["credentials in the URL", "https://user:pw@example.com/", "credentials"],
    ["https to loopback", "https://127.0.0.1/", "private_address"],
    ["cloud metadata", "https://169.254.169.254/latest/meta-data/", "private_address"],
    ["IPv6 loopback", "https://[::1]/", "private_address"],
    ["IPv4-mapped IPv6", "https://[::ffff:10.0.0.1]/", "private_address"],
    ["decimal-encoded loopback", "https://2130706433/", "private_address"],
    ["a private address", "https://10.0.0.1/x.png", "private_address"],
    ["not a URL", "javascript:alert(1)", "scheme"],
    ["garbage", "ht!tp://::::", "bad_url"],
  ])("refuses %s", async (_name, url, expected) => {
    expect(await reason(safeFetch(url, limits))).toBe(expected);
  });

  it("refuses a name that resolves to a private address, and one with mixed answers", async () => {
    const resolve = async () => [{ address: "10.0.0.7", family: 4 as const }];
    expect(await reason(safeFetch("https://intranet.example/", { ...limits, resolve }))).toBe(
      "private_address",
    );
    const mixed = async () => [
      { address: "93.184.216.34", family: 4 as const },
      { address: "127.0.0.1", family: 4 as const },
    ];
    expect(await reason(safeFetch("https://mixed.example/", { ...limits, resolve: mixed }))).toBe(
      "private_address",
    );
  });

  it("refuses hosts outside allowHosts before resolving them", async () => {
    const resolve = async () => {
      throw new Error("must not resolve");
    };
    expect(
      await reason(
        safeFetch("https://evil.example/x.mp4", {
          ...limits,
          allowHosts: ["*.klingai.com"],
          resolve,
        }),
      ),
    ).toBe("host_not_allowed");
  });

  it("refuses loopback on any other port than the allowed origin", async () => {
    expect(await reason(safeFetch("http://127.0.0.1:1/", viaLocal()))).toBe("scheme");
  });

  it.each([
    ["loopback on another port", "http://127.0.0.1:9/", "scheme"],
    ["10.x", "http://10.0.0.1/", "scheme"],
    ["https 10.x", "https://10.0.0.1/", "private_address"],
    ["cloud metadata", "https://169.254.169.254/latest/meta-data/", "private_address"],
    ["localhost by name over https", "https://localhost:1/", "private_address"],
  ])("refuses a redirect from an allowed first hop to %s", async (_name, target, expected) => {
    hits = [];
    const url = `${origin}/redirect?to=${encodeURIComponent(target)}`;
    expect(await reason(safeFetch(url, viaLocal()))).toBe(expected);
    expect(hits).toEqual([`/redirect?to=${encodeURIComponent(target)}`]);
  });

  it("caps redirects", async () => {
    expect(await reason(safeFetch(`${origin}/loop`, { ...viaLocal(), maxRedirects: 3 }))).toBe(
      "too_many_redirects",
    );
  });

  it("caps size, declared or streamed", async () => {
    expect(await reason(safeFetchBuffer(`${origin}/big-declared`, viaLocal()))).toBe("too_large");
    expect(await reason(safeFetchBuffer(`${origin}/big-chunked`, viaLocal()))).toBe("too_large");
  });

  it("caps time, including a body that never ends", async () => {
    expect(await reason(safeFetchBuffer(`${origin}/slow`, { ...viaLocal(), timeoutMs: 300 }))).toBe(
      "timeout",
    );
  });

  it("connects to the checked address, not to whatever DNS says next (pinning)", async () => {
    const port = (server.address() as AddressInfo).port;
    let calls = 0;
    const resolve = async () => {
      calls++;
      return [{ address: "127.0.0.1", family: 4 as const }];
    };
    // "rebind.invalid" cannot resolve through the system; success proves the pinned lookup.
    const result = await safeFetchBuffer(`http://rebind.invalid:${port}/ok`, {
      ...limits,
      resolve,
      allowLoopbackOrigins: [`http://rebind.invalid:${port}`],
    });
    expect(result.bytes.toString()).toBe("fine");
    expect(calls).toBe(1);
  });

  it("follows an allowed redirect within the same allowed origin", async () => {
    const result = await safeFetchBuffer(`${origin}/redirect?to=/ok`, viaLocal());
    expect(result.bytes.toString()).toBe("fine");
  });
});

describe("result downloads only come from the provider's hosts", () => {
  it.each([
    ["an unknown https host", "https://attacker.example/out.mp4", /not allowed/],
    ["the metadata service", "http://169.254.169.254/latest/meta-data/", /Only https/],
    ["loopback on a port that is not the provider's", "http://127.0.0.1:9/out.mp4", /Only https/],
  ])("refuses %s", async (_name, url, message) => {
    expect(await refusalInEnglish(downloadMp4ToMedia(url, "results/gen_refused.mp4"))).toMatch(
      message,
    );
  });
});
