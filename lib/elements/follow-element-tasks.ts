import "server-only";
import type { ProviderElement } from "@/lib/cometapi/elements-types";
import { getElementClient } from "@/lib/cometapi/get-element-client";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { newId } from "@/lib/ids";
import { logError } from "@/lib/log";
import {
  claimElementTask,
  type ElementTaskRow,
  findDueElementTaskIds,
  releaseElementTask,
  updateLeasedElementTask,
} from "./element-task-repository";
import { type ElementStepOutcome, stepElementTask } from "./element-task-step";

const AT_ONCE = 2;
const holder = globalThis as unknown as {
  omniElementFollow?: Promise<void>;
  omniElementLeasesFreed?: boolean;
};

/**
 * The sync worker's hook for element tasks: one pass over the due ones, at most one pass at
 * a time per process. State lives in ElementTask rows under leases, so a restart or a second
 * instance picks up where this one stopped.
 */
export function followElementTasks(workerId: string): void {
  holder.omniElementFollow ??= freeLeasesOnceIfSole()
    .then(() => followDue(workerId))
    .catch((error: unknown) => logError("element tasks", error))
    .finally(() => {
      holder.omniElementFollow = undefined;
    });
}

/**
 * On SQLite this process is the only worker, so leases left by a killed process are freed at
 * once (as the generation worker does) instead of after WORKER_LEASE_MS.
 */
async function freeLeasesOnceIfSole(): Promise<void> {
  if (holder.omniElementLeasesFreed) return;
  holder.omniElementLeasesFreed = true;
  if (getEnv().database.provider !== "sqlite") return;
  await getDb().elementTask.updateMany({
    where: { leaseOwner: { not: null } },
    data: { leaseOwner: null, leaseUntil: null },
  });
}

/** For tests: one pass, awaited. */
export async function followDue(workerId: string, now = new Date()): Promise<void> {
  const env = getEnv();
  const ids = await findDueElementTaskIds(now, AT_ONCE);
  await Promise.all(
    ids.map(async (id) => {
      const row = await claimElementTask(
        id,
        workerId,
        now,
        new Date(now.getTime() + env.worker.leaseMs),
      );
      if (!row) return;
      try {
        const outcome = await stepElementTask(row, {
          client: getElementClient(),
          now,
          minPollMs: env.worker.minPollMs,
          taskTimeoutMs: env.worker.taskTimeoutMs,
          callbackUrl: undefined,
          markSubmitting: () => updateLeasedElementTask(id, workerId, { status: "submitting" }),
        });
        if (!outcome) return;
        if (outcome.finished) await finish(row, workerId, outcome.finished);
        else await releaseElementTask(id, workerId, outcome.patch);
      } catch (error) {
        logError(`element task ${id}`, error);
        await releaseElementTask(id, workerId, {
          nextCheckAt: new Date(Date.now() + env.worker.minPollMs),
        });
      }
    }),
  );
}

/**
 * Kling made the element: the library row and the task's `succeed` are written together, and
 * only while this worker holds the lease, so a finished element is stored exactly once. An
 * element already in the library (imported meanwhile) is linked, not duplicated.
 */
async function finish(
  row: ElementTaskRow,
  workerId: string,
  element: ProviderElement,
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const existing = await tx.element.findUnique({ where: { elementId: element.elementId } });
    const elementRow =
      existing ??
      (await tx.element.create({
        data: {
          id: newId("el"),
          name: row.name,
          elementId: element.elementId,
          description: row.description,
          thumbnailPath: row.frontImagePath,
          tag: row.tag,
          source: "created",
        },
      }));
    const done = await tx.elementTask.updateMany({
      where: { id: row.id, leaseOwner: workerId },
      data: {
        status: "succeed",
        elementRowId: elementRow.id,
        nextCheckAt: null,
        leaseOwner: null,
        leaseUntil: null,
      } satisfies ElementStepOutcome["patch"] & Record<string, unknown>,
    });
    if (done.count !== 1) throw new Error("lease lost before the element was stored");
  });
}
