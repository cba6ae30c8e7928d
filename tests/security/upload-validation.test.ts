import { describe, expect, it } from "vitest";
import { cleanOriginalName, inspectUpload } from "@/lib/security/inspect-upload";
import { readLimitedBody } from "@/lib/uploads/read-limited-body";
import { refusalInEnglish, sayEnglish } from "../helpers/say-english";
import { makeJpeg, makePng } from "./helpers/images";

function refusal(bytes: Uint8Array): string {
  try {
    inspectUpload(bytes);
  } catch (error) {
    return sayEnglish((error as Error).message);
  }
  return "accepted";
}

describe("upload type and size come from the bytes", () => {
  it.each([
    ["text renamed as PNG", Buffer.from("hello, I am definitely a PNG file"), /Only JPEG and PNG/],
    ["empty file", Buffer.alloc(0), /empty or cut short/],
    ["five bytes", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]), /empty or cut short/],
    [
      "HTML with a script",
      Buffer.from("<html><script>alert(1)</script></html>"),
      /Only JPEG and PNG/,
    ],
    [
      "SVG",
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
      /Only JPEG and PNG/,
    ],
    ["GIF", Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), /Only JPEG and PNG/],
    ["WebP", Buffer.from("RIFF\x00\x00\x00\x00WEBPVP8 "), /Only JPEG and PNG/],
    ["truncated PNG (header only)", makePng(400, 400).subarray(0, 40), /damaged or cut short/],
    [
      "PNG bomb claiming 50000×50000",
      makePng(400, 400, { claim: [50000, 50000] }),
      /too large \(50000×50000\)/,
    ],
    ["PNG 1×10000", makePng(1, 10000), /too large|too tall/],
    ["PNG 10000×1", makePng(10000, 1), /too large|too wide/],
    ["PNG 2000×100 (ratio 20:1)", makePng(2000, 100), /too wide/],
    ["PNG 200×200 (too small)", makePng(200, 200), /too small/],
    ["PNG claiming 0×0", makePng(400, 400, { claim: [0, 0] }), /no pixels/],
    ["PNG claiming 2^32-1 wide", makePng(400, 400, { claim: [0xffffffff, 400] }), /too large/],
    ["JPEG cut short (no end marker)", makeJpeg(800, 600, false), /damaged or cut short/],
    ["JPEG claiming 60000×60000", makeJpeg(60000, 60000), /too large/],
    [
      "JPEG magic then garbage",
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(40, 0x41)]),
      /damaged/,
    ],
    [
      "ftyp box claiming 4 GB",
      Buffer.from("\xff\xff\xff\xffftypisom\x00\x00\x00\x00", "latin1"),
      /damaged/,
    ],
  ])("refuses %s", (_name, bytes, message) => {
    expect(refusal(bytes)).toMatch(message);
  });

  it("accepts a real PNG and a JPEG, whatever they are called", () => {
    expect(inspectUpload(makePng(640, 480))).toMatchObject({
      kind: "image",
      mimeType: "image/png",
      width: 640,
      height: 480,
    });
    expect(inspectUpload(makeJpeg(1280, 720))).toMatchObject({
      mimeType: "image/jpeg",
      extension: "jpg",
    });
    expect(
      inspectUpload(Buffer.from("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "latin1")),
    ).toMatchObject({
      kind: "video",
      mimeType: "video/mp4",
    });
  });
});

describe("original names are labels, never paths", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Windows\\evil.png", "evil.png"],
    ["photo\u202Egnp.exe", "photognp.exe"],
    ["nul\u0000byte.png", "nulbyte.png"],
    ["lone\uD800surrogate.png", "lonesurrogate.png"],
    ["emoji 🎬.png", "emoji 🎬.png"],
    ["\u0000\u0001", undefined],
  ])("cleans %j", (input, expected) => {
    expect(cleanOriginalName(input)).toBe(expected);
  });
});

describe("readLimitedBody stops reading past the limit", () => {
  function streamOf(
    chunks: number,
    chunkSize: number,
  ): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= chunks) return controller.close();
        sent++;
        controller.enqueue(new Uint8Array(chunkSize));
      },
    });
    return { stream, pulled: () => sent };
  }

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const { stream, pulled } = streamOf(100, 1024);
    const request = new Request("http://x/", {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { "content-length": "102400" },
    } as RequestInit);
    expect(await refusalInEnglish(readLimitedBody(request, 10_000))).toMatch(/too large/);
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("refuses a malformed Content-Length", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: "abc",
      headers: { "content-length": "-1" },
    });
    expect(await refusalInEnglish(readLimitedBody(request, 10))).toMatch(/too large/);
  });

  it("aborts an undeclared stream as soon as it passes the limit", async () => {
    const { stream, pulled } = streamOf(10_000, 1024); // 10 MB offered
    const request = new Request("http://x/", {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(await refusalInEnglish(readLimitedBody(request, 64 * 1024))).toMatch(/limit is 0.1 MB/);
    expect(pulled()).toBeLessThan(80); // ~65 chunks read, not 10 000
  });

  it("returns a body within the limit", async () => {
    const request = new Request("http://x/", { method: "POST", body: "hello" });
    expect((await readLimitedBody(request, 5)).toString()).toBe("hello");
  });
});
