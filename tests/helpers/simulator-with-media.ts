import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startStandaloneSimulator } from "@/lib/simulator/serve-standalone";

export type SimulatorWithMedia = {
  simulator: Awaited<ReturnType<typeof startStandaloneSimulator>>;
  /** A fresh, empty MEDIA_DIR for the studio side of the test. */
  mediaDir: string;
  close(): Promise<void>;
};

/**
 * A standalone simulator (control API on) with its own temp data folder, plus a temp media
 * folder for the studio: what every test that runs the real pipeline over HTTP starts with.
 */
export async function startSimulatorWithMedia(options: {
  key: string;
  speed: number;
  renderScale?: number;
}): Promise<SimulatorWithMedia> {
  const mediaDir = mkdtempSync(path.join(tmpdir(), "omni-media-"));
  const simDir = mkdtempSync(path.join(tmpdir(), "omni-sim-"));
  const simulator = await startStandaloneSimulator({
    port: 0,
    dataDir: simDir,
    key: options.key,
    speed: options.speed,
    urlTtlSeconds: 600,
    controlEnabled: true,
    ...(options.renderScale ? { renderScale: options.renderScale } : {}),
  });
  return {
    simulator,
    mediaDir,
    async close() {
      await simulator.close();
      rmSync(mediaDir, { recursive: true, force: true });
      rmSync(simDir, { recursive: true, force: true });
    },
  };
}
