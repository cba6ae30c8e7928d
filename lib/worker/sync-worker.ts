import "server-only";
import { hostname } from "node:os";
import { getCometClient } from "@/lib/cometapi/get-comet-client";
import { getEnv } from "@/lib/env";
import {
  claimGeneration,
  extendLease,
  findDueGenerationIds,
  findGenerationRow,
  findStaleSubmittingIds,
  releaseAllLeases,
  releaseGeneration,
  updateGeneration,
} from "@/lib/generations/generation-repository";
import { newId } from "@/lib/ids";
import { logError } from "@/lib/log";
import { checkGeneration } from "./check-generation";

export type SyncWorkerOptions = {
  tickMs?: number;
  maxConcurrentChecks?: number;
  /** How long a claimed row stays ours without a heartbeat; a crash frees it after this. */
  leaseMs?: number;
  /** True when no other worker shares the database (SQLite): leases left by a crash are freed at start. */
  soleWorker?: boolean;
};

/** How long a create may be in flight before its row is judged orphaned by a crash. */
const SUBMITTING_GRACE_MS = 2 * 60_000;

/**
 * Follows every generation the provider still owns, from the server, so a closed tab or a
 * restart loses nothing: all state is in the database, and each row is leased while one
 * worker looks at it.
 */
export class SyncWorker {
  readonly id = `${hostname()}-${process.pid}-${newId("gen").slice(-6)}`;
  private readonly tickMs: number;
  private readonly maxConcurrent: number;
  private readonly leaseMs: number;
  private readonly soleWorker: boolean;
  private started = false;
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(options: SyncWorkerOptions = {}) {
    this.tickMs = options.tickMs ?? 1000;
    this.maxConcurrent = options.maxConcurrentChecks ?? 4;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.soleWorker = options.soleWorker ?? false;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight]);
  }

  /** One pass: mark orphaned creates, then start checks for due rows up to the cap. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      if (!this.started) {
        this.started = true;
        if (this.soleWorker) await releaseAllLeases();
      }
      await this.markOrphanedCreates();
      const room = this.maxConcurrent - this.inFlight.size;
      if (room <= 0) return;
      const now = new Date();
      for (const id of await findDueGenerationIds(now, room)) {
        const until = new Date(now.getTime() + this.leaseMs);
        if (!(await claimGeneration(id, this.id, now, until))) continue;
        const work = this.checkClaimed(id).finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      }
    } catch (error) {
      logError("sync worker tick", error);
    } finally {
      this.ticking = false;
    }
  }

  /** Waits until nothing is in flight; tests use it to step the worker deterministically. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async checkClaimed(id: string): Promise<void> {
    const heartbeat = setInterval(() => {
      const until = new Date(Date.now() + this.leaseMs);
      extendLease(id, this.id, until).catch((error) => logError(`lease ${id}`, error));
    }, this.leaseMs / 3);
    try {
      const row = await findGenerationRow(id);
      if (!row) return;
      const env = getEnv();
      const patch = await checkGeneration(row, {
        client: getCometClient(),
        now: new Date(),
        minPollMs: env.worker.minPollMs,
        taskTimeoutMs: env.worker.taskTimeoutMs,
      });
      await releaseGeneration(id, this.id, patch);
    } catch (error) {
      logError(`sync worker ${id}`, error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async markOrphanedCreates(): Promise<void> {
    const olderThan = new Date(Date.now() - SUBMITTING_GRACE_MS);
    for (const id of await findStaleSubmittingIds(olderThan)) {
      await updateGeneration(id, {
        status: "uncertain",
        errorCode: "create_answer_lost",
        errorMessage:
          "The studio stopped while sending this request, so it is not known whether the provider started it. Check again before submitting again, so it is not paid for twice.",
      });
    }
  }
}
