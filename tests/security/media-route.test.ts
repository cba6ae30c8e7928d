import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/media/[...path]/route";
import { resetEnvForTests } from "@/lib/env";
import { snapshotState } from "./helpers/state-snapshot";

/** The media route, called as Next calls it, with the path segments an attacker can send. */
let root: string;
let mediaDir: string;
let before: Record<string, string>;
const previous = process.env.MEDIA_DIR;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "omni-media-sec-"));
  mediaDir = path.join(root, "media");
  mkdirSync(path.join(mediaDir, "results"), { recursive: true });
  writeFileSync(path.join(mediaDir, "results", "gen_a.mp4"), Buffer.from("0123456789"));
  writeFileSync(path.join(mediaDir, "results", ".gen_b.mp4.abc.partial"), "half");
  writeFileSync(path.join(root, "secret.mp4"), "outside the media folder");
  symlinkSync(path.join(root, "secret.mp4"), path.join(mediaDir, "results", "escape.mp4"));
  symlinkSync(root, path.join(mediaDir, "results", "up"));
  process.env.MEDIA_DIR = mediaDir;
  resetEnvForTests();
  before = snapshotState(path.join(root, "none.db"), mediaDir);
});

afterAll(() => {
  expect(snapshotState(path.join(root, "none.db"), mediaDir)).toEqual(before);
  if (previous === undefined) delete process.env.MEDIA_DIR;
  else process.env.MEDIA_DIR = previous;
  resetEnvForTests();
  rmSync(root, { recursive: true, force: true });
});

function get(segments: string[], headers: Record<string, string> = {}) {
  return GET(new Request("http://studio/api/media/x", { headers }), {
    params: Promise.resolve({ path: segments }),
  });
}

describe("the media route stays inside MEDIA_DIR", () => {
  it.each([
    ["dot-dot segments", ["..", "secret.mp4"]],
    ["dot-dot after a folder", ["results", "..", "..", "secret.mp4"]],
    ["an encoded dot-dot left encoded", ["%2e%2e", "secret.mp4"]],
    ["a slash inside one segment", ["results/../../secret.mp4"]],
    ["an absolute path", ["/etc/passwd"]],
    ["a backslash path", ["..\\secret.mp4"]],
    ["a NUL byte", ["results", "gen_a.mp4\u0000.png"]],
    ["a symlink that leaves the folder", ["results", "escape.mp4"]],
    ["a symlinked folder that leaves it", ["results", "up", "secret.mp4"]],
    ["a hidden temp file", ["results", ".gen_b.mp4.abc.partial"]],
    ["a folder", ["results"]],
    ["an unknown extension", ["results", "gen_a.txt"]],
    ["nothing", []],
    ["a very long name", [`${"a".repeat(5000)}.mp4`]],
  ])("answers 404 for %s", async (_name, segments) => {
    const response = await get(segments);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "No such file.", code: "not_found" });
  });

  it("serves a real file with nosniff and a sandboxing CSP", async () => {
    const response = await get(["results", "gen_a.mp4"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(await response.text()).toBe("0123456789");
  });
});

describe("malformed Range headers never crash or over-read", () => {
  it.each([
    ["bytes=abc", 416],
    ["bytes=5-1", 416],
    ["bytes=10-", 416],
    ["bytes=99999999999999999999-", 416],
    ["bytes=-0", 416],
    ["bytes=--1", 416],
    ["bytes=1-2-3", 416],
    ["bytes=-", 416],
    ["items=0-1", 416],
    [`bytes=${"1".repeat(4000)}-`, 416],
    ["bytes=0-1,3-4", 200],
    ["bytes=0-999999", 206],
    ["bytes=-3", 206],
  ])("%s → %i", async (range, status) => {
    const response = await get(["results", "gen_a.mp4"], { range });
    expect(response.status).toBe(status);
    if (status === 416) expect(response.headers.get("content-range")).toBe("bytes */10");
    if (status === 206) {
      const body = await response.text();
      expect(body.length).toBeLessThanOrEqual(10);
      expect(Number(response.headers.get("content-length"))).toBe(body.length);
    }
  });
});
