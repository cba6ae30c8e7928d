import "server-only";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeFileAtomically } from "@/lib/media/atomic-output";
import { resolveFfmpegPath } from "@/lib/media/ffmpeg-paths";
import { renderTextVideo } from "@/lib/media/render-text-video";
import { runProcess } from "@/lib/media/run-process";
import { localPicture } from "./reference-media";
import type { SimTask } from "./types";

type Frame = { width: number; height: number };

/**
 * A storyboard's result: each shot rendered on its own, over the picture its own prompt
 * names, with the caption "Shot N · S s" and its prompt, then joined without re-encoding.
 * The background's drift restarts at every shot, so each cut is a visible jump as well as
 * a new caption.
 */
export async function renderShots(
  outPath: string,
  shots: NonNullable<SimTask["shots"]>,
  frame: Frame,
  publicBaseUrl: string,
): Promise<void> {
  const workDir = await mkdtemp(path.join(tmpdir(), "omni-shots-"));
  try {
    const parts: string[] = [];
    for (const [i, shot] of shots.entries()) {
      const part = path.join(workDir, `shot-${i + 1}.mp4`);
      const picture = await localPicture(shot.image, publicBaseUrl);
      try {
        await renderTextVideo({
          outPath: part,
          text: `Shot ${i + 1} · ${shot.seconds} s\n${shot.prompt}`,
          width: frame.width,
          height: frame.height,
          durationSeconds: shot.seconds,
          images: picture ? [picture.path] : undefined,
        });
      } finally {
        await picture?.cleanup();
      }
      parts.push(part);
    }
    // Our own files in our own folder: the list names them relatively, nothing to escape.
    const list = path.join(workDir, "shots.txt");
    await writeFile(list, parts.map((p) => `file '${path.basename(p)}'`).join("\n"));
    await writeFileAtomically(outPath, async (tempPath) => {
      await runProcess(
        resolveFfmpegPath(),
        [
          ...["-y", "-v", "error", "-f", "concat", "-i", list],
          ...["-c", "copy", "-movflags", "+faststart", "-f", "mp4", tempPath],
        ],
        { cwd: workDir, timeoutMs: 60_000 },
      );
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Native sound, simulated: a quiet 440 Hz tone the length of the video as one AAC stream,
 * so the player has real audio and ffprobe shows exactly one audio stream.
 */
export async function addTone(videoPath: string, seconds: number): Promise<void> {
  await writeFileAtomically(videoPath, async (tempPath) => {
    await runProcess(
      resolveFfmpegPath(),
      [
        ...["-y", "-v", "error", "-i", videoPath],
        ...["-f", "lavfi", "-i", `sine=frequency=440:sample_rate=44100:duration=${seconds}`],
        ...["-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy", "-c:a", "aac", "-b:a", "64k"],
        ...["-af", "volume=0.2", "-shortest", "-movflags", "+faststart", "-f", "mp4", tempPath],
      ],
      { timeoutMs: 60_000 },
    );
  });
}
