import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/uploads/route";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { renderTextVideo } from "@/lib/media/render-text-video";
import { useTestDatabase } from "../helpers/db-test-env";

/** POST /api/uploads with real files, a real SQLite file and a real MEDIA_DIR. */
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let mediaDir: string;
const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures", name));

beforeAll(async () => {
  mediaDir = mkdtempSync(path.join(tmpdir(), "omni-uploads-"));
  process.env.MEDIA_DIR = mediaDir;
  database = await useTestDatabase("sqlite");
  resetEnvForTests();
});

afterAll(async () => {
  await database.cleanup();
  rmSync(mediaDir, { recursive: true, force: true });
  delete process.env.MEDIA_DIR;
  resetEnvForTests();
});

function upload(body: BodyInit, name = "file.bin"): Promise<Response> {
  return POST(
    new Request("http://studio.test/api/uploads", {
      method: "POST",
      body,
      headers: { "x-file-name": encodeURIComponent(name) },
      // @ts-expect-error Node's fetch needs this for a streamed body
      duplex: "half",
    }),
  );
}

const storedFiles = () =>
  existsSync(path.join(mediaDir, "uploads")) ? readdirSync(path.join(mediaDir, "uploads")) : [];

describe("POST /api/uploads", () => {
  it("stores a PNG under a generated name, measures it and writes a row", async () => {
    const response = await upload(fixture("ref-blue.png"), "../../etc/cat photo.png");
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      kind: "image",
      width: 320,
      height: 320,
      mimeType: "image/png",
      bytes: 1455,
      durationSeconds: null,
    });
    expect(body.url).toMatch(/^\/api\/media\/uploads\/up_[0-9a-z]+\.png$/);
    const row = await getDb().upload.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.originalName).toBe("cat photo.png");
    expect(readFileSync(path.join(mediaDir, row.mediaPath))).toEqual(fixture("ref-blue.png"));
  });

  it("judges by content: a JPEG named .png is a JPEG", async () => {
    const body = await (await upload(fixture("ref-orange.jpg"), "lies.png")).json();
    expect(body).toMatchObject({ mimeType: "image/jpeg", width: 480, height: 360 });
  });

  it("measures a video with ffprobe", async () => {
    const file = path.join(mediaDir, "clip.mp4");
    await renderTextVideo({
      outPath: file,
      text: "clip",
      width: 1280,
      height: 720,
      durationSeconds: 3,
    });
    const response = await upload(readFileSync(file), "clip.mp4");
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({
      kind: "video",
      mimeType: "video/mp4",
      width: 1280,
      height: 720,
      fps: 24,
    });
    expect(body.durationSeconds).toBeGreaterThan(2.9);
    rmSync(file);
  }, 30_000);

  it.each([
    [
      "wrong magic bytes",
      Buffer.from("GIF89a-not-allowed-here-at-all-000000"),
      /Only JPEG and PNG images and MP4 or MOV/,
    ],
    ["too small in pixels", fixture("ref-too-small.png"), /too small \(200×200\)/],
    ["an empty body", Buffer.alloc(0), /empty/],
  ])("refuses %s with a 400 and leaves nothing behind", async (_what, bytes, message) => {
    const before = { files: storedFiles().length, rows: await getDb().upload.count() };
    const response = await upload(bytes);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(message);
    expect(storedFiles().length).toBe(before.files);
    expect(await getDb().upload.count()).toBe(before.rows);
  });

  it("stops reading an image past 10 MB while it arrives", async () => {
    const before = storedFiles().length;
    let sent = 0;
    const png = fixture("ref-blue.png");
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // A PNG header followed by endless padding: refused at the cap, not at the end.
        const chunk = sent === 0 ? png : new Uint8Array(1024 * 1024);
        sent += chunk.length;
        if (sent > 40 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await upload(stream, "huge.png");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/too large: the limit is 10 MB/);
    expect(sent).toBeLessThan(13 * 1024 * 1024);
    expect(storedFiles().length).toBe(before);
  });
});
