import "server-only";
import { AppError } from "@/lib/errors";
import { findGenerationRow, findQueuePosition } from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { isTerminalStatus } from "@/lib/generations/status";
import { toGenerationView } from "@/lib/generations/to-generation-view";
import { typicalSecondsFor } from "./typical-duration";

/**
 * A view plus what a watcher needs to judge progress: its place in the queue and the
 * typical time for its mode. The status route serves this.
 */
export async function getGenerationWithFacts(id: string): Promise<GenerationView> {
  const row = await findGenerationRow(id);
  if (!row) throw new AppError("not_found", "There is no such generation.");
  const view = toGenerationView(row);
  return {
    ...view,
    queuePosition: await findQueuePosition(row),
    typicalSeconds: isTerminalStatus(view.status) ? null : await typicalSecondsFor(row.mode),
  };
}
