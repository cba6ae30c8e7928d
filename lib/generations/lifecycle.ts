import "server-only";
import type { ProviderTaskStatus } from "@/lib/cometapi/types";
import { assertMove, type GenerationChange, type StatusNote } from "./generation-change";
import {
  claimForSubmit,
  releaseGeneration,
  releaseGenerationIfUnchanged,
  updateGenerationIf,
} from "./generation-status-writes";
import { FOLLOWED_STATUSES, type GenerationStatus } from "./status";
import { toCanceled, toFailed, toQueued, toResumed, toSubmitted, toUncertain } from "./transitions";

/**
 * The one place a generation's status changes. Every transition is named, takes a typed
 * change (transitions.ts), checks its edge against the state machine (ALLOWED_MOVES) and
 * writes only if the row is still where the caller saw it, so racing instances never both
 * act. User commands and the worker call these; neither writes a status itself.
 */

type Guard = { from: GenerationStatus | readonly GenerationStatus[]; leaseOwner?: string | null };
const NO_LEASE = { leaseOwner: null, leaseUntil: null };

async function move(id: string, guard: Guard, change: GenerationChange): Promise<boolean> {
  const from: GenerationStatus[] = typeof guard.from === "string" ? [guard.from] : [...guard.from];
  for (const status of from) assertMove(status, change.status);
  return updateGenerationIf(
    id,
    { status: from, ...(guard.leaseOwner === undefined ? {} : { leaseOwner: guard.leaseOwner }) },
    change,
  );
}

/** A new row (submitting, no lease) waits in the queue instead: the provider has no room. */
export function queueNewGeneration(id: string, callbackToken: string): Promise<boolean> {
  return move(id, { from: "submitting", leaseOwner: null }, { ...toQueued(), callbackToken });
}

/** A new row is leased by the sender that is about to send its create (status unchanged). */
export function leaseForSend(
  id: string,
  lease: { owner: string; until: Date; callbackToken: string },
): Promise<boolean> {
  return updateGenerationIf(
    id,
    { status: "submitting", leaseOwner: null },
    { callbackToken: lease.callbackToken, leaseOwner: lease.owner, leaseUntil: lease.until },
  );
}

/** queued → submitting (the pump), or uncertain → submitting ("Submit again"), leased. */
export function claimToSubmit(
  id: string,
  from: "queued" | "uncertain",
  lease: { owner: string; until: Date },
): Promise<boolean> {
  assertMove(from, "submitting");
  return claimForSubmit(id, from, lease.owner, lease.until);
}

/**
 * The provider answered the create. Written for `uncertain` too: even if the lease ran out
 * meanwhile and the row was judged lost, the answer is the truth and its task id is kept.
 */
export function recordSubmitted(
  id: string,
  task: { taskId: string; status: ProviderTaskStatus },
  now: Date,
  nextCheckAt: Date,
): Promise<boolean> {
  return move(
    id,
    { from: ["submitting", "uncertain"] },
    { ...toSubmitted(task, now, nextCheckAt), ...NO_LEASE },
  );
}

/** A send held by `owner` ended without a task: its fate unknown (uncertain). */
export function markSendUncertain(id: string, owner: string, note: StatusNote): Promise<boolean> {
  return move(id, { from: "submitting", leaseOwner: owner }, { ...toUncertain(note), ...NO_LEASE });
}

/** A send refused as busy or down: certainly no task, so the row waits in the queue. */
export function requeueRefusedSend(id: string, owner: string, note: StatusNote): Promise<boolean> {
  return move(id, { from: "submitting", leaseOwner: owner }, { ...toQueued(note), ...NO_LEASE });
}

export function markSendFailed(id: string, owner: string, note: StatusNote): Promise<boolean> {
  return move(
    id,
    { from: "submitting", leaseOwner: owner },
    { ...toFailed(new Date(), note), ...NO_LEASE },
  );
}

/** A sender died mid-create. Leased: the create may have left, so uncertain. */
export function markOrphanUncertain(id: string, note: StatusNote): Promise<boolean> {
  return move(id, { from: "submitting" }, { ...toUncertain(note), ...NO_LEASE });
}

/** A sender died before leasing: the create never left, so back to the queue. */
export function requeueUnsent(id: string): Promise<boolean> {
  return move(id, { from: "submitting", leaseOwner: null }, toQueued());
}

/** Only a row still waiting (and not being claimed) can be canceled. */
export function cancelQueued(id: string, note: StatusNote): Promise<boolean> {
  return move(id, { from: "queued", leaseOwner: null }, toCanceled(new Date(), note));
}

/** "Check again" found the task failed at the provider: keep failed, with its reason. */
export function noteProviderFailure(id: string, note: StatusNote): Promise<boolean> {
  return move(id, { from: "failed" }, { errorCode: note.code, errorMessage: note.message });
}

/** "Check again" found the task alive (or done): follow it again with a fresh time limit. */
export function resumeFollowing(
  id: string,
  providerStatus: Exclude<ProviderTaskStatus, "failed">,
  now: Date,
): Promise<boolean> {
  return move(id, { from: "failed", leaseOwner: null }, toResumed(providerStatus, now));
}

/** A callback (or anything else) says "look now": only rows the worker follows. */
export function dueNow(id: string): Promise<boolean> {
  return move(id, { from: FOLLOWED_STATUSES }, { nextCheckAt: new Date() });
}

/** The worker claimed a row it should not act on after all: give it back untouched. */
export function releaseUntouched(id: string, owner: string): Promise<boolean> {
  return releaseGeneration(id, owner, {});
}

/**
 * Writes a check's outcome and frees the lease, unless a callback moved nextCheckAt since
 * the worker read the row: then a still-running task is looked at again at once, so the
 * callback's news is never overwritten.
 */
export async function settleCheck(
  id: string,
  seen: { owner: string; status: GenerationStatus; nextCheckAt: Date | null },
  outcome: GenerationChange,
): Promise<void> {
  assertMove(seen.status, outcome.status);
  if (await releaseGenerationIfUnchanged(id, seen.owner, seen.nextCheckAt, outcome)) return;
  const status = outcome.status ?? seen.status;
  const running = (FOLLOWED_STATUSES as readonly GenerationStatus[]).includes(status);
  await releaseGeneration(
    id,
    seen.owner,
    running ? { ...outcome, nextCheckAt: new Date() } : outcome,
  );
}
