import "server-only";
import { accessSync, chmodSync, constants, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { AppError } from "@/lib/errors";

/**
 * The binaries come from npm (@ffmpeg-installer/ffmpeg, @ffprobe-installer/ffprobe) and the
 * drawtext font from dejavu-fonts-ttf. They are resolved from the app's own package.json
 * first: after `next build` this module lives in a bundle under .next/, where its own
 * location says nothing reliable about node_modules. The packages must be listed in
 * next.config.mjs `serverExternalPackages` so their index.js runs unbundled.
 */
const requirers = [
  createRequire(path.join(process.cwd(), "package.json")),
  createRequire(import.meta.url),
];

let cache: { ffmpeg?: string; ffprobe?: string; font?: string } = {};

export function resolveFfmpegPath(): string {
  cache.ffmpeg ??= ensureExecutable(binaryPathOf("@ffmpeg-installer/ffmpeg"), "ffmpeg");
  return cache.ffmpeg;
}

export function resolveFfprobePath(): string {
  cache.ffprobe ??= ensureExecutable(binaryPathOf("@ffprobe-installer/ffprobe"), "ffprobe");
  return cache.ffprobe;
}

/** DejaVu Sans: drawtext needs an explicit font file (no fontconfig on slim machines). */
export function resolveFontPath(): string {
  cache.font ??= resolveFile("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
  return cache.font;
}

/** Tests that fake a missing binary use this to forget resolved paths. */
export function resetMediaPathsForTests(): void {
  cache = {};
}

function binaryPathOf(packageName: string): string {
  const errors: unknown[] = [];
  for (const requireFrom of requirers) {
    try {
      const loaded: unknown = requireFrom(packageName);
      if (isPathHolder(loaded)) return loaded.path;
    } catch (error) {
      errors.push(error);
    }
  }
  throw new AppError("internal", `The ${packageName} package is not installed or unsupported.`, {
    detail: errors.map(String),
  });
}

function resolveFile(request: string): string {
  for (const requireFrom of requirers) {
    try {
      return requireFrom.resolve(request);
    } catch {
      // try the next base
    }
  }
  throw new AppError("internal", `Could not find ${request}; is dejavu-fonts-ttf installed?`);
}

/**
 * npm tarballs do not always keep the run bit (the ffprobe package sets it in a postinstall
 * that may not have run), so try to add it once before giving up with a clear message.
 */
function ensureExecutable(filePath: string, label: string): string {
  if (isExecutable(filePath)) return filePath;
  try {
    chmodSync(filePath, statSync(filePath).mode | constants.S_IXUSR);
  } catch (error) {
    throw new AppError(
      "internal",
      `${label} at ${filePath} is not executable and chmod u+x failed; run \`chmod u+x ${filePath}\` or reinstall with install scripts allowed.`,
      { cause: error },
    );
  }
  if (!isExecutable(filePath)) {
    throw new AppError("internal", `${label} at ${filePath} is not executable.`);
  }
  return filePath;
}

function isExecutable(filePath: string): boolean {
  try {
    accessSync(filePath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isPathHolder(value: unknown): value is { path: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { path?: unknown }).path === "string"
  );
}
