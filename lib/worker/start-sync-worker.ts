import "server-only";
import { getEnv } from "@/lib/env";
import { logInfo } from "@/lib/log";
import { setStageRecorder } from "./stage-clock";
import { SyncWorker } from "./sync-worker";

const holder = globalThis as unknown as { omniSyncWorker?: SyncWorker };

/** Starts the one worker of this process (Next may evaluate modules more than once). */
export function startSyncWorker(): SyncWorker | undefined {
  if (!getEnv().worker.enabled) return undefined;
  if (!holder.omniSyncWorker) {
    // On SQLite this process is the only worker; PostgreSQL may be shared by several.
    holder.omniSyncWorker = new SyncWorker({ soleWorker: getEnv().database.provider === "sqlite" });
    if (getEnv().worker.stageLog) {
      // Epoch milliseconds, so a test can set them beside the simulator's own timestamps.
      setStageRecorder((id, stage, at) => logInfo("stage", `${id} ${stage} ${at}`));
    }
    holder.omniSyncWorker.start();
    logInfo("sync worker", `started as ${holder.omniSyncWorker.id}`);
  }
  return holder.omniSyncWorker;
}
