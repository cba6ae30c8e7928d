import type { z } from "zod";
import type { ProviderOperation } from "./errors";

/**
 * Reading CometAPI envelopes, shared by the video and element parsers: the task object sits at
 * `data` (Kling's own shape), `data.data` (new-api's wrapper) or `data.data.data` (a relay
 * wrapping Kling's whole envelope), so each parser looks at every level, outermost first.
 */
export function collectDataLevels(json: unknown): Record<string, unknown>[] {
  const levels: Record<string, unknown>[] = [];
  let current = asObject(json)?.data;
  for (let depth = 0; depth < 3; depth++) {
    const object = asObject(current);
    if (!object) break;
    levels.push(object);
    current = object.data;
  }
  return levels;
}

export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Ids arrive as numbers or strings (64-bit ones must stay text); empty means none. */
export function idText(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  return String(value);
}

/** What a parser is told about the answer it reads, for its errors and missing ids. */
export type EnvelopeContext = {
  operation: ProviderOperation;
  /** The id asked for: relays that drop task_id from the answer still mean this task. */
  fallbackTaskId?: string;
  bodyText: string;
  secrets: readonly string[];
};

type TaskLike = {
  task_id?: string | number | null | undefined;
  task_status?: string | null | undefined;
  task_result?: unknown;
};

/**
 * The task in an answer: the outermost level that `schema` reads with a status or a
 * result, and its id, else the first id at any level, else the id asked for.
 */
export function findTaskInLevels<T extends TaskLike>(
  json: unknown,
  schema: z.ZodType<T>,
  fallbackTaskId: string | undefined,
): { levels: Record<string, unknown>[]; task: T | undefined; taskId: string | undefined } {
  const levels = collectDataLevels(json);
  const parsed = levels.map((level) => schema.safeParse(level).data);
  const task = parsed.find((level) => level && (level.task_status || level.task_result));
  const taskId =
    idText(task?.task_id) ??
    parsed.map((level) => idText(level?.task_id ?? undefined)).find(Boolean) ??
    fallbackTaskId;
  return { levels, task, taskId };
}
