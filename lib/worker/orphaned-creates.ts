import "server-only";
import { localMessage } from "@/i18n/local-message";
import { findOrphanedSubmitting } from "@/lib/generations/generation-lease-repository";
import { markOrphanUncertain, requeueUnsent } from "@/lib/generations/lifecycle";

/** How long an unleased `submitting` row may wait for its sender before it is re-queued. */
export const UNLEASED_SUBMITTING_GRACE_MS = 2 * 60_000;

/**
 * Rows whose sender died mid-create. A leased row may have reached the provider, so it
 * becomes `uncertain` and a person decides (never a blind second create). A row that never
 * got a lease never left the house, so it simply goes back to the queue.
 *
 * `assumeExpired`: the caller knows no other process can hold a lease (SQLite at start).
 */
export async function markOrphanedCreates(options: { assumeExpired?: boolean } = {}) {
  const now = new Date();
  const leaseHorizon = options.assumeExpired ? new Date(8.64e15) : now;
  const olderThan = new Date(now.getTime() - UNLEASED_SUBMITTING_GRACE_MS);
  for (const { id, leased } of await findOrphanedSubmitting(leaseHorizon, olderThan)) {
    if (leased) {
      await markOrphanUncertain(id, {
        code: "create_answer_lost",
        message: localMessage("failureDetails.studioStopped"),
      });
    } else {
      await requeueUnsent(id);
    }
  }
}
