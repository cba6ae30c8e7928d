import "server-only";
import { open } from "node:fs/promises";
import { createFile, Log, type Movie, MP4BoxBuffer, type Track } from "mp4box";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { assertMediaInputSize, MAX_FRAME_SIDE } from "./untrusted-input";

/** What saving a result needs from its MP4: the frame as shown and the length. */
export type Mp4Facts = { width: number; height: number; durationSeconds: number };

const CHUNK_BYTES = 1024 * 1024;
/**
 * Reads allowed before giving up. With the `moov` box first (Kling's results, `faststart`)
 * one read is enough; with it last, mp4box asks for the bytes after `mdat` next, so a few.
 */
const MAX_READS = 16;

// Sample entries that hold pictures, not motion (ffprobe's mjpeg, png, gif, bmp, tiff, webp).
const STILL_ENTRIES = new Set(["jpeg", "mjpa", "mjpb", "png ", "gif ", "bmp ", "tiff", "webp"]);

/**
 * mp4box prints "Invalid box type" with console.error for every box whose four letters are
 * not plain ASCII, such as QuickTime's `©swr` metadata in a phone's MOV, and for bytes that
 * are no MP4 at all. Neither is a fault here: parsing goes on past the box, or the caller
 * falls back to ffprobe. Only that message is dropped; mp4box's other errors still print.
 */
const mp4boxError = Log.error.bind(Log);
Log.error = (module, msg, isofile) => {
  if (module === "BoxParser" && msg?.startsWith("Invalid box type:")) return;
  mp4boxError(module, msg, isofile);
};

/**
 * Reads a local MP4's header in this process with mp4box.js (GPAC's parser), so that saving
 * a result starts one ffmpeg (the poster) instead of an ffprobe and an ffmpeg. Memory-safe
 * JavaScript parses the untrusted bytes; nothing here opens another file or a URL.
 *
 * Returns null when the header does not give a usable answer (no `moov` within the reads, a
 * fragmented file without a total length): the caller then asks ffprobe, which decides as
 * it always has. Throws `invalid_input` for what ffprobe refuses too: no video track, a
 * still picture, an empty length or a frame past MAX_FRAME_SIDE.
 */
export async function readMp4Header(filePath: string): Promise<Mp4Facts | null> {
  await assertMediaInputSize(filePath);
  const movie = await parseMovie(filePath);
  if (!movie) return null;
  const video = movie.videoTracks[0];
  if (!video?.video?.width || !video.video.height || STILL_ENTRIES.has(entryOf(video))) {
    throw new AppError("invalid_input", localMessage("failureDetails.videoUnreadable"));
  }
  const durationSeconds = movieSeconds(movie) || trackSeconds(video);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) return null;
  const { width, height } = video.video;
  if (width > MAX_FRAME_SIDE || height > MAX_FRAME_SIDE) {
    throw new AppError(
      "invalid_input",
      localMessage("failureDetails.videoFrameTooLarge", { max: MAX_FRAME_SIDE }),
    );
  }
  return isQuarterTurn(video)
    ? { width: height, height: width, durationSeconds }
    : { width, height, durationSeconds };
}

async function parseMovie(filePath: string): Promise<Movie | null> {
  const file = createFile();
  let movie: Movie | null = null;
  let broken = false;
  file.onReady = (info) => {
    movie = info;
  };
  file.onError = () => {
    broken = true;
  };
  const handle = await open(filePath, "r");
  try {
    const size = (await handle.stat()).size;
    let position = 0;
    for (let reads = 0; !movie && !broken && position < size && reads < MAX_READS; reads++) {
      const length = Math.min(CHUNK_BYTES, size - position);
      const chunk = new ArrayBuffer(length);
      const { bytesRead } = await handle.read(new Uint8Array(chunk), 0, length, position);
      if (bytesRead !== length) break;
      const next = file.appendBuffer(
        MP4BoxBuffer.fromArrayBuffer(chunk, position),
        position + length >= size,
      );
      // mp4box names the next byte it needs; anything not ahead of us would loop.
      if (!(next > position)) break;
      position = next;
    }
  } catch {
    return null;
  } finally {
    await handle.close();
  }
  return broken ? null : movie;
}

function movieSeconds(movie: Movie): number {
  if (movie.duration > 0 && movie.timescale > 0) return movie.duration / movie.timescale;
  const fragmented = movie.fragment_duration;
  return fragmented && fragmented.den > 0 ? fragmented.num / fragmented.den : 0;
}

function trackSeconds(track: Track): number {
  return track.duration > 0 && track.timescale > 0 ? track.duration / track.timescale : 0;
}

/** The sample entry's four letters (`avc1` of `avc1.640028`). */
function entryOf(track: Track): string {
  return track.codec.slice(0, 4);
}

/**
 * A display matrix that turns the picture a quarter (phone videos): ffprobe's `rotation`.
 * The matrix is [a b u; c d v; x y w] in 16.16 fixed point; a quarter turn has a = d = 0.
 */
function isQuarterTurn(track: Track): boolean {
  const [a = 0, b = 0] = Array.from(track.matrix);
  return Math.abs(a) < Math.abs(b);
}
