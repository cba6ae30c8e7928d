/**
 * Next.js calls this once when the server starts. The sync worker lives here, on the
 * server, so tasks are followed even when no browser is open.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next itself, not configuration, so it is read here directly.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSyncWorker } = await import("./lib/worker/start-sync-worker");
  startSyncWorker();
  // Which ffmpeg reads uploaded and provider media, said once (a warning for the bundled one).
  const { logMediaTools } = await import("./lib/media/media-tools");
  void logMediaTools();
}
