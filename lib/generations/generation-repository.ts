import "server-only";
import { type Db, getDb } from "@/lib/db/client";
import { type GenerationStatus, parseGenerationStatus } from "./status";

/** A row as the database gives it; status is a plain string there. */
export type StoredRow = NonNullable<Awaited<ReturnType<Db["generation"]["findUnique"]>>>;
/** A stored generation whose status is the domain's union (checked on read), not a string. */
export type GenerationRow = Omit<StoredRow, "status"> & { status: GenerationStatus };
/** A new row starts `submitting` (lifecycle.ts takes it on from there). */
type GenerationCreate = Parameters<Db["generation"]["create"]>[0]["data"] & {
  status: "submitting";
};

function toRow(row: StoredRow): GenerationRow {
  return { ...row, status: parseGenerationStatus(row.status) };
}

export async function insertGeneration(data: GenerationCreate): Promise<GenerationRow> {
  return toRow(await getDb().generation.create({ data }));
}

/** Several new rows (the takes of one batch) in one transaction: all are written or none. */
export async function insertGenerations(rows: GenerationCreate[]): Promise<GenerationRow[]> {
  const db = getDb();
  const created = await db.$transaction(rows.map((data) => db.generation.create({ data })));
  return created.map(toRow);
}

export async function findGenerationRow(id: string): Promise<GenerationRow | null> {
  const row = await getDb().generation.findUnique({ where: { id } });
  return row ? toRow(row) : null;
}

/** Newest first; the cursor is the last id of the previous page (ids sort by time). */
export async function listGenerationRows(options: {
  limit: number;
  cursor?: string | undefined;
}): Promise<GenerationRow[]> {
  const rows = await getDb().generation.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
  });
  return rows.map(toRow);
}

/** Statuses that hold one of the provider's running-task slots. */
const IN_FLIGHT_STATUSES = ["submitting", "submitted", "processing"] as const;

export async function countInFlightGenerations(): Promise<number> {
  return getDb().generation.count({ where: { status: { in: [...IN_FLIGHT_STATUSES] } } });
}

/** Queued rows that may be submitted now, oldest first (ids sort by creation time). */
export async function findSubmittableQueuedIds(now: Date, limit: number): Promise<string[]> {
  const rows = await getDb().generation.findMany({
    where: {
      status: "queued" satisfies GenerationStatus,
      OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function countQueuedGenerations(): Promise<number> {
  return getDb().generation.count({ where: { status: "queued" satisfies GenerationStatus } });
}

/** 1-based place in the submission queue, or null when the row is not queued. */
export async function findQueuePosition(row: {
  id: string;
  status: string;
  createdAt: Date;
}): Promise<number | null> {
  if (row.status !== "queued") return null;
  const ahead = await getDb().generation.count({
    where: {
      status: "queued" satisfies GenerationStatus,
      OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: row.id } }],
    },
  });
  return ahead + 1;
}

export async function findGenerationByCallbackToken(token: string): Promise<GenerationRow | null> {
  const row = await getDb().generation.findUnique({ where: { callbackToken: token } });
  return row ? toRow(row) : null;
}

/**
 * Recent wall-clock times (submitted → stored, ms) of succeeded generations of one model,
 * mode and length. Newest first by creation, which the (status, createdAt) index serves.
 */
export async function findRecentRunTimesMs(
  recipe: { model: string; mode: string; duration: string },
  limit: number,
): Promise<number[]> {
  const rows = await getDb().generation.findMany({
    where: {
      model: recipe.model,
      mode: recipe.mode,
      duration: recipe.duration,
      status: "succeeded" satisfies GenerationStatus,
      submittedAt: { not: null },
      finishedAt: { not: null },
    },
    orderBy: [{ createdAt: "desc" }],
    take: limit,
    select: { submittedAt: true, finishedAt: true },
  });
  return rows.flatMap((row) =>
    row.submittedAt && row.finishedAt ? [row.finishedAt.getTime() - row.submittedAt.getTime()] : [],
  );
}

export async function findReferenceRows(generationId: string) {
  return getDb().reference.findMany({ where: { generationId }, orderBy: [{ position: "asc" }] });
}

/** A custom storyboard's shots, in the order they were sent. */
export async function findShotRows(generationId: string) {
  return getDb().shot.findMany({ where: { generationId }, orderBy: [{ index: "asc" }] });
}

/** A generation with its Reference rows (in no particular order) and its shots in order, or null. */
export async function findGenerationWithReferences(id: string) {
  return getDb().generation.findUnique({
    where: { id },
    include: { references: true, shots: { orderBy: { index: "asc" } } },
  });
}

/** False when there is no such generation. */
export async function writeFavorite(id: string, favorite: boolean): Promise<boolean> {
  const result = await getDb().generation.updateMany({ where: { id }, data: { favorite } });
  return result.count === 1;
}

/** A generation's status and video, for checks such as "only a finished video is shared". */
export async function findGenerationVideoState(
  id: string,
): Promise<{ status: GenerationStatus; videoPath: string | null } | null> {
  const row = await getDb().generation.findUnique({
    where: { id },
    select: { status: true, videoPath: true },
  });
  return row ? { status: parseGenerationStatus(row.status), videoPath: row.videoPath } : null;
}

/** The poster of a collection's newest succeeded generation that has one, or null. */
export async function findCollectionCoverPoster(collectionId: string): Promise<string | null> {
  const cover = await getDb().generation.findFirst({
    where: {
      collectionItems: { some: { collectionId } },
      status: "succeeded" satisfies GenerationStatus,
      posterPath: { not: null },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { posterPath: true },
  });
  return cover?.posterPath ?? null;
}

/**
 * Estimated spend of generations created since `since`. Rows that failed before the
 * provider ever accepted them (no task id) cost nothing and are left out.
 */
export async function sumEstimatedSpendSince(since: Date): Promise<number> {
  const unbilled: GenerationStatus[] = ["failed", "canceled"];
  const result = await getDb().generation.aggregate({
    _sum: { estimatedCostUsd: true },
    where: {
      createdAt: { gte: since },
      NOT: { AND: [{ status: { in: unbilled } }, { providerTaskId: null }] },
    },
  });
  return result._sum.estimatedCostUsd ?? 0;
}
