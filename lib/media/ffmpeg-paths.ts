import "server-only";
import { accessSync, chmodSync, constants, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Which ffmpeg and ffprobe parse media, in order of preference:
 * 1. FFMPEG_PATH / FFPROBE_PATH, when set (an error if they are not executable);
 * 2. the system's, on PATH (Debian's `ffmpeg` package: maintained, gets security fixes);
 * 3. the npm build (@ffmpeg-installer/ffmpeg, @ffprobe-installer/ffprobe) — a static build
 *    from 2018 (N-47683), kept only so a machine without ffmpeg still runs; the studio names
 *    it in its log and /api/health, see media-tools.ts.
 * The drawtext font comes from dejavu-fonts-ttf. npm packages are resolved from the app's
 * own package.json first: after `next build` this module lives in a bundle under .next/,
 * where its own location says nothing reliable about node_modules (they are listed in
 * next.config.mjs `serverExternalPackages` so their index.js runs unbundled).
 */
export type ToolSource = "configured" | "system" | "bundled";
export type ResolvedTool = { path: string; source: ToolSource };

const requirers = [
  createRequire(path.join(process.cwd(), "package.json")),
  createRequire(import.meta.url),
];

let cache: { ffmpeg?: ResolvedTool; ffprobe?: ResolvedTool; font?: string } = {};

export function resolveFfmpegPath(): string {
  return resolveFfmpeg().path;
}

export function resolveFfprobePath(): string {
  return resolveFfprobe().path;
}

export function resolveFfmpeg(): ResolvedTool {
  cache.ffmpeg ??= resolveTool("ffmpeg", getEnv().media.ffmpegPath, "@ffmpeg-installer/ffmpeg");
  return cache.ffmpeg;
}

export function resolveFfprobe(): ResolvedTool {
  cache.ffprobe ??= resolveTool(
    "ffprobe",
    getEnv().media.ffprobePath,
    "@ffprobe-installer/ffprobe",
  );
  return cache.ffprobe;
}

/** DejaVu Sans: drawtext needs an explicit font file (no fontconfig on slim machines). */
export function resolveFontPath(): string {
  cache.font ??= resolveFile("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
  return cache.font;
}

/** Tests that change FFMPEG_PATH or fake a missing binary use this to forget resolved paths. */
export function resetMediaPathsForTests(): void {
  cache = {};
}

function resolveTool(name: string, configured: string | undefined, pkg: string): ResolvedTool {
  if (configured) {
    if (!isExecutable(configured)) {
      throw new AppError(
        "internal",
        `${name.toUpperCase()}_PATH is ${configured}, which is not an executable file.`,
      );
    }
    return { path: configured, source: "configured" };
  }
  const system = findOnPath(name);
  if (system) return { path: system, source: "system" };
  return { path: ensureExecutable(binaryPathOf(pkg), name), source: "bundled" };
}

/** The first executable `name` on PATH, skipping node_modules/.bin (npm puts it first). */
function findOnPath(name: string): string | undefined {
  const dirs = getEnv()
    .media.searchPath.split(path.delimiter)
    .filter((dir) => dir !== "");
  for (const dir of dirs) {
    if (!path.isAbsolute(dir) || dir.includes("node_modules")) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
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
  throw new AppError(
    "internal",
    `No ffmpeg found: install one (Debian: apt-get install ffmpeg), set FFMPEG_PATH/FFPROBE_PATH, or reinstall ${packageName}.`,
    { detail: errors.map(String) },
  );
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
    if (!statSync(filePath).isFile()) return false;
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
