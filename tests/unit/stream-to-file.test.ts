import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { streamToFile } from "@/lib/uploads/stream-to-file";

const folder = await mkdtemp(path.join(tmpdir(), "stream-to-file-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

function bodyOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

const refuse = () => {
  throw new Error("refused by type");
};

describe("streamToFile", () => {
  it("leaves no temp file behind when the first bytes are refused, many at once", async () => {
    // Refused before the write stream has opened its file: the file must be closed, then removed
    // (bad-input once found an empty `.partial` left by this path under load).
    const attempts = Array.from({ length: 60 }, (_, i) =>
      streamToFile(bodyOf(new Uint8Array(32)), path.join(folder, `up_${i}.partial`), refuse, 100),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.every((result) => result.status === "rejected")).toBe(true);
    expect(await readdir(folder)).toEqual([]);
  });

  it("leaves no temp file behind when the body passes the cap", async () => {
    const target = path.join(folder, "big.partial");
    await expect(
      streamToFile(bodyOf(new Uint8Array(64), new Uint8Array(64)), target, () => 100, 100),
    ).rejects.toThrow();
    expect(await readdir(folder)).toEqual([]);
  });

  it("writes, hashes and measures a body under the cap", async () => {
    const target = path.join(folder, "ok.partial");
    const streamed = await streamToFile(bodyOf(new Uint8Array(40).fill(7)), target, () => 100, 100);
    expect(streamed.bytes).toBe(40);
    expect(streamed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readdir(folder)).toEqual(["ok.partial"]);
    await rm(target);
  });
});
