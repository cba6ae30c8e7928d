import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { resolveFfmpegPath } from "@/lib/media/ffmpeg-paths";
import { probeVideo } from "@/lib/media/probe-video";

/**
 * Real, small media the studio accepts: a 2-second H.264 MP4 (a result), a JPEG (a poster),
 * a 640×480 PNG (an uploaded picture) and a 3-second 1280×720 MP4 at 24 fps (an uploaded
 * video, within the contract's rules). Made by ffmpeg once per test file.
 */
export type MediaFixtures = {
  video: { bytes: Buffer; sha256: string; width: number; height: number; durationSeconds: number };
  uploadVideo: { bytes: Buffer; sha256: string };
  poster: { bytes: Buffer; sha256: string };
  image: { bytes: Buffer; sha256: string; width: number; height: number };
};

export async function makeMediaFixtures(dir: string): Promise<MediaFixtures> {
  mkdirSync(dir, { recursive: true });
  const ffmpeg = (args: string[]) =>
    execFileSync(resolveFfmpegPath(), ["-v", "error", "-y", ...args]);
  const video = path.join(dir, "result.mp4");
  ffmpeg([...["-f", "lavfi", "-i", "testsrc2=s=320x240:r=24:d=2"], ...h264(video)]);
  const uploadVideo = path.join(dir, "upload.mp4");
  ffmpeg([...["-f", "lavfi", "-i", "testsrc2=s=1280x720:r=24:d=3"], ...h264(uploadVideo)]);
  const poster = path.join(dir, "poster.jpg");
  ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=320x240", "-frames:v", "1", poster]);
  const image = path.join(dir, "image.png");
  ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=640x480", "-frames:v", "1", image]);
  const probe = await probeVideo(video);
  const read = (file: string) => {
    const bytes = readFileSync(file);
    return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  };
  return {
    video: {
      ...read(video),
      width: probe.width,
      height: probe.height,
      durationSeconds: probe.durationSeconds,
    },
    uploadVideo: read(uploadVideo),
    poster: read(poster),
    image: { ...read(image), width: 640, height: 480 },
  };
}

function h264(out: string): string[] {
  return [
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-pix_fmt",
    "yuv420p",
    "-movflags",
    "+faststart",
    out,
  ];
}
