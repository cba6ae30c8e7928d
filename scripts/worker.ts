/**
 * A sync worker in its own process, for deployments that run workers apart from the web
 * server and for the crash and multi-instance tests. Run with
 * `tsx --conditions=react-server scripts/worker.ts` (server-only modules need that condition).
 */

import { getEnv } from "@/lib/env";
import { SyncWorker } from "@/lib/worker/sync-worker";

const worker = new SyncWorker({ soleWorker: false, tickMs: 200 });
worker.start();
console.info(`[omni-studio] worker ${worker.id} following tasks (${getEnv().database.provider})`);

// The interval is unref'd so the web server can exit freely; here it must keep the process up.
const keepAlive = setInterval(() => {}, 60_000);
async function shutdown(): Promise<void> {
  clearInterval(keepAlive);
  await worker.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
