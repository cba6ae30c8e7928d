import "server-only";
import { AppError } from "@/lib/errors";
import { findGenerationRow, listGenerationRows } from "./generation-repository";
import type { GenerationView } from "./generation-view";
import { toGenerationView } from "./to-generation-view";

export async function getGeneration(id: string): Promise<GenerationView> {
  const row = await findGenerationRow(id);
  if (!row) throw new AppError("not_found", "There is no such generation.");
  return toGenerationView(row);
}

export async function findGeneration(id: string): Promise<GenerationView | null> {
  const row = await findGenerationRow(id);
  return row ? toGenerationView(row) : null;
}

export async function listGenerations(options: {
  limit: number;
  cursor?: string | undefined;
}): Promise<GenerationView[]> {
  return (await listGenerationRows(options)).map(toGenerationView);
}
