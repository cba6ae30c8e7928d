import "server-only";
import { hostname } from "node:os";
import { getCometClient } from "@/lib/cometapi/get-comet-client";
import type { CometClient } from "@/lib/cometapi/types";
import { followElementTasks } from "@/lib/elements/follow-element-tasks";
import { getEnv } from "@/lib/env";
import {
  claimGeneration,
  extendLease,
  findDueGenerationIds,
  findNextDueAt,
  releaseFollowLeases,
} from "@/lib/generations/generation-lease-repository";
import type { PosterlessResult } from "@/lib/generations/generation-poster-repository";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import { releaseUntouched, settleCheck } from "@/lib/generations/lifecycle";
import { FOLLOWED_STATUSES } from "@/lib/generations/status";
import { newId } from "@/lib/ids";
import { logError } from "@/lib/log";
import { addMissingPosters, addPoster } from "./add-poster";
import { checkGeneration } from "./check-generation";
import { markOrphanedCreates } from "./orphaned-creates";
import { pumpQueue } from "./pump-queue";
import { markStage } from "./stage-clock";
import { onWorkerWake } from "./wake";

export type SyncWorkerOptions = {
  tickMs?: number;
  maxConcurrentChecks?: number;
  /** How long a claimed row stays ours without a heartbeat; a crash frees it after this. */
  leaseMs?: number;
  /** True when no other worker shares the database (SQLite): leases left by a crash are freed at start. */
  soleWorker?: boolean;
  /**
   * The provider client for checks; default getCometClient(). The fault tests pass one that
   * does not retry, so every injected fault reaches the worker's own retry path.
   */
  client?: CometClient;
};

const FOLLOWED: ReadonlySet<string> = new Set(FOLLOWED_STATUSES);

/**
 * Follows every generation the provider still owns and submits the queue, from the server,
 * so a closed tab or a restart loses nothing: all state is in the database, and each row is
 * leased while one worker works on it. Every write that finishes work is conditional on
 * still holding the lease, so two instances never both act on one row.
 */
export class SyncWorker {
  readonly id = `${hostname()}-${process.pid}-${newId("gen").slice(-6)}`;
  private readonly tickMs: number;
  private readonly maxConcurrent: number;
  private readonly leaseMs: number;
  private readonly soleWorker: boolean;
  private readonly client: CometClient | undefined;
  private started = false;
  private timer: NodeJS.Timeout | undefined;
  /** Fires at the next row's nextCheckAt when that comes before the next regular tick. */
  private dueTimer: NodeJS.Timeout | undefined;
  private ticking = false;
  private tickAgain = false;
  private pumping: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Posters being made or waiting for a media slot: not counted against claiming rows. */
  private readonly posters = new Set<Promise<void>>();
  /** Claimed rows still in their provider phase; rows saving a result do not count. */
  private checking = 0;

  constructor(options: SyncWorkerOptions = {}) {
    this.tickMs = options.tickMs ?? 1000;
    this.maxConcurrent = options.maxConcurrentChecks ?? 4;
    this.leaseMs = options.leaseMs ?? getEnv().worker.leaseMs;
    this.soleWorker = options.soleWorker ?? false;
    this.client = options.client;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
    // A callback or a freed slot wakes us at once instead of at the next tick.
    this.unsubscribe = onWorkerWake(() => void this.tick());
    void this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.dueTimer);
    this.timer = undefined;
    this.unsubscribe?.();
    await this.drain();
  }

  /** One pass: settle orphaned creates, submit from the queue, start checks for due rows. */
  async tick(): Promise<void> {
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = true;
    try {
      do {
        this.tickAgain = false;
        await this.tickOnce();
      } while (this.tickAgain);
    } catch (error) {
      logError("sync worker tick", error);
    } finally {
      this.ticking = false;
    }
  }

  /** Waits until nothing is in flight; tests use it to step the worker deterministically. */
  async drain(): Promise<void> {
    // A check that ends starts its result's poster: look again until both sets are empty.
    do {
      await Promise.allSettled([...this.inFlight, ...this.posters, this.pumping]);
    } while (this.inFlight.size + this.posters.size > 0);
  }

  private async tickOnce(): Promise<void> {
    if (!this.started) {
      this.started = true;
      if (this.soleWorker) {
        await markOrphanedCreates({ assumeExpired: true });
        await releaseFollowLeases();
      }
      this.track(addMissingPosters(), this.posters);
    }
    await markOrphanedCreates();
    this.pumping ??= pumpQueue(this.id)
      .then(() => undefined)
      .catch((error: unknown) => logError("queue", error))
      .finally(() => {
        this.pumping = undefined;
      });
    followElementTasks(this.id);
    // Saving a result (download, header read) frees its check slot, so a burst of finished
    // tasks never keeps due checks waiting; checks and saves together stay bounded. Posters
    // queue for the media slots (media-gate) outside this bound.
    const room = Math.min(
      this.maxConcurrent - this.checking,
      this.maxConcurrent * 4 - this.inFlight.size,
    );
    if (room <= 0) return;
    const now = new Date();
    for (const id of await findDueGenerationIds(now, room)) {
      const until = new Date(now.getTime() + this.leaseMs);
      if (!(await claimGeneration(id, this.id, now, until))) continue;
      this.checking += 1;
      this.track(
        this.checkClaimed(id).finally(() => {
          // A finished task frees a slot for the queue, and maybe more due rows wait.
          this.tickAgain = true;
          void this.tick();
        }),
      );
    }
    if (this.timer) await this.scheduleNextDue(now);
  }

  /** Work that stop() and drain() wait for. */
  private track(work: Promise<void>, into: Set<Promise<void>> = this.inFlight): void {
    const tracked = work
      .catch((error: unknown) => logError("sync worker", error))
      .finally(() => into.delete(tracked));
    into.add(tracked);
  }

  /**
   * A poll is due at its nextCheckAt, not at the next tick after it: the tick alone would
   * add up to tickMs to every poll. Only while started; tests step tick() by hand.
   */
  private async scheduleNextDue(now: Date): Promise<void> {
    const dueAt = await findNextDueAt(now);
    clearTimeout(this.dueTimer);
    this.dueTimer = undefined;
    if (!dueAt) return;
    const wait = dueAt.getTime() - Date.now();
    if (wait >= this.tickMs) return;
    // A row may have come due since this tick's query: look again shortly, not at the next
    // tick. (With no room left this is not reached; a finishing check ticks again then.)
    this.dueTimer = setTimeout(() => void this.tick(), Math.max(25, wait + 5));
    this.dueTimer.unref();
  }

  private async checkClaimed(id: string): Promise<void> {
    markStage(id, "claimed");
    let stored: PosterlessResult | undefined;
    let checking = true;
    const doneChecking = () => {
      if (!checking) return;
      checking = false;
      this.checking -= 1;
    };
    const heartbeat = setInterval(() => {
      const until = new Date(Date.now() + this.leaseMs);
      extendLease(id, this.id, until).catch((error) => logError(`lease ${id}`, error));
    }, this.leaseMs / 3);
    try {
      const row = await findGenerationRow(id);
      if (!row) return;
      const now = new Date();
      // The list of due rows was read before the claim: another instance may have finished
      // or re-scheduled this row in between. Then leave it alone (no double poll or download).
      if (!FOLLOWED.has(row.status) || (row.nextCheckAt && row.nextCheckAt > now)) {
        await releaseUntouched(id, this.id);
        return;
      }
      const env = getEnv();
      const outcome = await checkGeneration(row, {
        client: this.client ?? getCometClient(),
        now,
        minPollMs: env.worker.minPollMs,
        taskTimeoutMs: env.worker.taskTimeoutMs,
        callbacks: Boolean(env.callbackBaseUrl && row.callbackToken),
        onSaving: () => {
          doneChecking();
          // The freed check slot may go to another due row at once.
          this.tickAgain = true;
          void this.tick();
        },
      });
      await settleCheck(
        id,
        { owner: this.id, status: row.status, nextCheckAt: row.nextCheckAt },
        outcome,
      );
      markStage(id, "released");
      if (outcome.status === "succeeded" && outcome.videoPath && !outcome.posterPath) {
        const durationSeconds = outcome.durationSeconds ?? null;
        stored = { id, videoPath: outcome.videoPath, durationSeconds };
      }
    } catch (error) {
      logError(`sync worker ${id}`, error);
    } finally {
      doneChecking();
      clearInterval(heartbeat);
    }
    // Off the lease: the row is settled, the poster only adds to it (add-poster.ts). Off
    // the claiming room too: in a burst, posters queue for the media slots, and results
    // counted behind them would wait to be stored. Posters left undone are mended at start.
    if (stored) this.track(addPoster(stored), this.posters);
  }
}
