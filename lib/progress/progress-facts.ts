import "server-only";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import {
  findGenerationRow,
  findQueuePosition,
  listGenerationRows,
} from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { isTerminalStatus } from "@/lib/generations/status";
import { toGenerationView } from "@/lib/generations/to-generation-view";
import { expectedDurationFor } from "./expected-duration";

/**
 * A view plus what a watcher needs to judge progress: its place in the queue and the time
 * expected for its recipe. Every read that shows a running generation (the status route,
 * the studio's recent cards, the detail page) goes through here, so the card and the
 * detail show one figure from their first paint on.
 */
export async function withProgressFacts<View extends GenerationView>(view: View): Promise<View> {
  if (isTerminalStatus(view.status)) {
    return { ...view, queuePosition: null, expectedSeconds: null, expectedBasis: null };
  }
  const [queuePosition, expected] = await Promise.all([
    findQueuePosition({ id: view.id, status: view.status, createdAt: new Date(view.createdAt) }),
    expectedDurationFor(view),
  ]);
  return {
    ...view,
    queuePosition,
    expectedSeconds: expected.seconds,
    expectedBasis: expected.basis,
  };
}

/** The status route's answer. */
export async function getGenerationWithFacts(id: string): Promise<GenerationView> {
  const row = await findGenerationRow(id);
  if (!row) throw new AppError("not_found", localMessage("serverErrors.noSuchGeneration"));
  return withProgressFacts(toGenerationView(row));
}

/** The studio page's recent generations, the running ones with their progress facts. */
export async function listRecentGenerations(limit: number): Promise<GenerationView[]> {
  const rows = await listGenerationRows({ limit });
  return Promise.all(rows.map((row) => withProgressFacts(toGenerationView(row))));
}
