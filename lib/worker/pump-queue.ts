import "server-only";
import {
  findGenerationRow,
  findSubmittableQueuedIds,
} from "@/lib/generations/generation-repository";
import { claimToSubmit } from "@/lib/generations/lifecycle";
import { queuePausedFor } from "./queue-pause";
import { submitRoom } from "./queue-room";
import { SUBMIT_LEASE_MS, sendCreate } from "./submit-generation";

/**
 * Submits queued generations, oldest first, while the provider has room. Each row is
 * claimed with a conditional update (queued → submitting, leased), so of several instances
 * exactly one sends its create. Stops at the first "busy" to keep the order.
 */
export async function pumpQueue(owner: string): Promise<number> {
  let sent = 0;
  for (;;) {
    const room = await submitRoom();
    if (room <= 0) return sent;
    const ids = await findSubmittableQueuedIds(new Date(), room);
    if (ids.length === 0) return sent;
    for (const id of ids) {
      if (queuePausedFor() > 0) return sent;
      const until = new Date(Date.now() + SUBMIT_LEASE_MS);
      if (!(await claimToSubmit(id, "queued", { owner, until }))) continue;
      const row = await findGenerationRow(id);
      if (!row) continue;
      const outcome = await sendCreate(row, owner);
      if (outcome === "busy") return sent;
      sent += 1;
    }
  }
}
