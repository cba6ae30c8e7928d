import "server-only";
import { getEnv } from "@/lib/env";
import { logInfo } from "@/lib/log";
import { SyncWorker } from "./sync-worker";

const holder = globalThis as unknown as { omniSyncWorker?: SyncWorker };

/** Starts the one worker of this process (Next may evaluate modules more than once). */
export function startSyncWorker(): SyncWorker | undefined {
  if (!getEnv().worker.enabled) return undefined;
  if (!holder.omniSyncWorker) {
    holder.omniSyncWorker = new SyncWorker();
    holder.omniSyncWorker.start();
    logInfo("sync worker", `started as ${holder.omniSyncWorker.id}`);
  }
  return holder.omniSyncWorker;
}
