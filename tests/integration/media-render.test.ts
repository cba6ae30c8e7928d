import {
  accessSync,
  constants,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveFfmpegPath, resolveFfprobePath, resolveFontPath } from "@/lib/media/ffmpeg-paths";
import { makePoster } from "@/lib/media/make-poster";
import { probeVideo } from "@/lib/media/probe-video";
import { renderTextVideo } from "@/lib/media/render-text-video";
import { runProcess } from "@/lib/media/run-process";
import { wrapText } from "@/lib/media/wrap-text";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "omni-media-test-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NASTY = `He said "it's 100% done": C:\\path\\to\\file; [a,b] {x} 'quote'\nnew line — ünïcødé 東京 %{pts} \\n`;

describe("media tools", () => {
  it("finds executable ffmpeg and ffprobe binaries and the DejaVu font", () => {
    // Which ones (system before bundled) is tests/security/media-tools.test.ts's business.
    for (const file of [resolveFfmpegPath(), resolveFfprobePath()]) {
      expect(() => accessSync(file, constants.X_OK)).not.toThrow();
    }
    expect(resolveFontPath()).toMatch(/dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
  });

  it("renders prompt text with quotes, colons, %, backslashes and newlines into a real MP4", async () => {
    const out = path.join(dir, "nasty.mp4");
    const result = await renderTextVideo({
      outPath: out,
      text: NASTY,
      width: 320,
      height: 180,
      durationSeconds: 2,
    });
    expect(result.usedImage).toBe(false);
    const probe = await probeVideo(out);
    expect(probe).toMatchObject({ codec: "h264", width: 320, height: 180, fps: 24 });
    expect(Math.abs(probe.durationSeconds - 2)).toBeLessThanOrEqual(0.1);
    // +faststart puts the moov box before the media data.
    const head = readFileSync(out).subarray(0, 4096).toString("latin1");
    expect(head.indexOf("moov")).toBeGreaterThan(-1);
    expect(head.indexOf("moov")).toBeLessThan(
      head.indexOf("mdat") === -1 ? 4096 : head.indexOf("mdat"),
    );
    expect(readdirSync(dir).filter((name) => name.includes(".tmp"))).toEqual([]);
  });

  it("pans across a picture when given one, and falls back to the gradient for a bad one", async () => {
    const picture = path.join(dir, "pic.png");
    await runProcess(resolveFfmpegPath(), [
      "-v",
      "error",
      "-f",
      "lavfi",
      "-i",
      "testsrc=s=400x600",
      "-frames:v",
      "1",
      picture,
    ]);
    const withPicture = await renderTextVideo({
      outPath: path.join(dir, "pic.mp4"),
      text: "over a picture",
      width: 180,
      height: 320,
      durationSeconds: 1,
      images: [picture],
    });
    expect(withPicture.usedImage).toBe(true);
    expect(await probeVideo(path.join(dir, "pic.mp4"))).toMatchObject({ width: 180, height: 320 });

    const junk = path.join(dir, "junk.png");
    writeFileSync(junk, "not a picture");
    const fallback = await renderTextVideo({
      outPath: path.join(dir, "junk.mp4"),
      text: "fallback",
      width: 160,
      height: 160,
      durationSeconds: 1,
      images: [junk],
    });
    expect(fallback.usedImage).toBe(false);
    expect((await probeVideo(path.join(dir, "junk.mp4"))).codec).toBe("h264");
  });

  it("makes a JPEG poster and refuses to probe things that are not videos", async () => {
    const video = path.join(dir, "poster-src.mp4");
    await renderTextVideo({
      outPath: video,
      text: "poster",
      width: 160,
      height: 90,
      durationSeconds: 1,
    });
    const poster = path.join(dir, "posters", "p.jpg");
    await makePoster(video, poster);
    const bytes = readFileSync(poster);
    expect(bytes[0]).toBe(0xff);
    expect(bytes[1]).toBe(0xd8);

    const text = path.join(dir, "note.txt");
    writeFileSync(text, "hello");
    await expect(probeVideo(text)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(probeVideo(poster)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(makePoster(text, path.join(dir, "x.jpg"))).rejects.toMatchObject({
      code: "invalid_input",
    });
  });

  it("times out a process that runs too long", async () => {
    await expect(
      runProcess(
        resolveFfmpegPath(),
        ["-v", "error", "-re", "-f", "lavfi", "-i", "testsrc", "-f", "null", "-"],
        {
          timeoutMs: 300,
        },
      ),
    ).rejects.toThrow(/timed out/);
  });
});

describe("wrapText", () => {
  it("wraps on words, keeps newlines, cuts long words and ends overflow with an ellipsis", () => {
    expect(wrapText("one two three four", 9, 10)).toEqual(["one two", "three", "four"]);
    expect(wrapText("a\nb", 10, 10)).toEqual(["a", "b"]);
    expect(wrapText("abcdefghij", 4, 10)).toEqual(["abcd", "efgh", "ij"]);
    const cut = wrapText("w ".repeat(100), 5, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith("…")).toBe(true);
  });
});
