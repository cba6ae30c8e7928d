import "server-only";
import { logInfo, logWarning } from "@/lib/log";
import { type ResolvedTool, resolveFfmpeg, resolveFfprobe, type ToolSource } from "./ffmpeg-paths";
import { runProcess } from "./run-process";

export type ToolFacts = { source: ToolSource; path: string; version: string };
export type MediaTools = { ffmpeg: ToolFacts; ffprobe: ToolFacts };

let described: Promise<MediaTools> | undefined;

/**
 * The ffmpeg and ffprobe in use, where they came from and their version (`-version`'s
 * first line), for the health route and the start-up log. Read once per process.
 */
export function describeMediaTools(): Promise<MediaTools> {
  described ??= (async () => ({
    ffmpeg: await facts(resolveFfmpeg()),
    ffprobe: await facts(resolveFfprobe()),
  }))().catch((error: unknown) => {
    described = undefined;
    throw error;
  });
  return described;
}

/** One line at start-up, and a warning when only the bundled 2018 build was found. */
export async function logMediaTools(): Promise<void> {
  try {
    const tools = await describeMediaTools();
    for (const tool of [tools.ffmpeg, tools.ffprobe]) {
      logInfo("media", `${tool.path} (${tool.source}), version ${tool.version}`);
    }
    if (tools.ffmpeg.source === "bundled" || tools.ffprobe.source === "bundled") {
      logWarning(
        "media",
        "Using the ffmpeg/ffprobe build bundled from npm (2018, N-47683) to read uploaded and provider media. Install a maintained one (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg) or set FFMPEG_PATH and FFPROBE_PATH.",
      );
    }
  } catch (error) {
    logWarning("media", `No usable ffmpeg/ffprobe: ${(error as Error).message}`);
  }
}

async function facts(tool: ResolvedTool): Promise<ToolFacts> {
  let version = "unknown";
  try {
    const { stdout } = await runProcess(tool.path, ["-version"], { timeoutMs: 10_000 });
    version = /version\s+(\S+)/.exec(stdout)?.[1] ?? "unknown";
  } catch {
    // Reported as unknown; the first real use will fail with its own message.
  }
  return { source: tool.source, path: tool.path, version };
}

/** Tests that switch binaries forget the cached description. */
export function resetMediaToolsForTests(): void {
  described = undefined;
}
