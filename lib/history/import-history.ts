import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { localMessage } from "@/i18n/local-message";
import type { Locale } from "@/i18n/locales";
import { localeOfThisRequest } from "@/i18n/say-on-server";
import { zodErrorsIn } from "@/i18n/zod-errors";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  findExistingGenerationIds,
  findExistingProviderTaskIds,
} from "@/lib/generations/generation-history-repository";
import { MAX_ENTRIES, MAX_MANIFEST_BYTES } from "./archive-limits";
import { commitImport } from "./commit-import";
import {
  type HistoryManifest,
  historyManifestSchema,
  isSafeRelativePath,
  MANIFEST_NAME,
  MEDIA_PREFIX,
} from "./history-archive-schema";
import { type ExistingState, planImport } from "./import-plan";
import { openZip, readStreamText, type ZipEntryInfo } from "./read-zip";
import { assertEntryCaps, stageFiles } from "./stage-media";

export type ImportSummary = {
  generations: { imported: number; skipped: number };
  shares: number;
  uploads: number;
  elements: number;
  files: { written: number; skipped: number };
};

/**
 * Imports an export archive, all or nothing. Before anything is written: the directory is
 * read (manifest first, sizes within their caps), the manifest is parsed within its cap and
 * every row validated as the studio writes its own, the rows are checked to reach nothing
 * outside the archive (import-plan.ts), and every file they bring is unpacked outside
 * MEDIA_DIR and checked like an upload. Only then are files placed under names the studio
 * chooses and the rows inserted in one transaction. Rows already here are skipped, so a
 * second import changes nothing.
 */
export async function importHistoryArchive(zipPath: string): Promise<ImportSummary> {
  let zip: Awaited<ReturnType<typeof openZip>>;
  try {
    zip = await openZip(zipPath, MAX_ENTRIES);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(localMessage("galleryErrors.unreadableArchive"), error);
  }
  const stagingDir = await mkdtemp(path.join(tmpdir(), "omni-import-stage-"));
  try {
    const entries = indexEntries(zip.entries);
    const manifest = parseManifest(
      await readStreamText(await zip.open(MANIFEST_NAME), MAX_MANIFEST_BYTES),
      await localeOfThisRequest(),
    );
    const archivePaths = new Set(
      [...entries.keys()]
        .filter((name) => name !== MANIFEST_NAME)
        .map((name) => name.slice(MEDIA_PREFIX.length)),
    );
    const existing = await readExisting(manifest);
    const plan = planImport(manifest, archivePaths, existing);
    assertEntryCaps(plan, entries, getEnv().security.importMaxBytes);
    const staged = await stageFiles(zip, plan, stagingDir);
    const { written } = await commitImport(plan, staged, existing);
    return {
      generations: { imported: plan.generations.length, skipped: plan.skipped.generations },
      shares: plan.shares.length,
      uploads: plan.uploads.length,
      elements: plan.elements.length,
      files: { written, skipped: archivePaths.size - written },
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(localMessage("galleryErrors.unreadableArchive"), error);
  } finally {
    zip.close();
    await rm(stagingDir, { recursive: true, force: true });
  }
}

/** Entries by name: the manifest first and within its cap, then only safe `media/` paths. */
function indexEntries(list: ZipEntryInfo[]): Map<string, ZipEntryInfo> {
  const [first] = list;
  if (first?.fileName !== MANIFEST_NAME) throw invalid(localMessage("galleryErrors.manifestFirst"));
  if (first.uncompressedSize > MAX_MANIFEST_BYTES) {
    throw invalid(
      localMessage("galleryErrors.manifestTooLarge", { mb: MAX_MANIFEST_BYTES / (1024 * 1024) }),
    );
  }
  const entries = new Map<string, ZipEntryInfo>();
  for (const entry of list) {
    const name = entry.fileName;
    if (name.endsWith("/")) continue; // folder entries carry nothing
    if (name !== MANIFEST_NAME) {
      const relative = name.startsWith(MEDIA_PREFIX) ? name.slice(MEDIA_PREFIX.length) : "";
      if (!isSafeRelativePath(relative))
        throw invalid(localMessage("galleryErrors.unsafePath", { name }));
    }
    entries.set(name, entry);
  }
  return entries;
}

/** `locale`: the refusal quotes zod's words about the first problem, in the reader's language. */
function parseManifest(json: string, locale: Locale): HistoryManifest {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw invalid(localMessage("galleryErrors.manifestNotJson"), error);
  }
  const parsed = historyManifestSchema.safeParse(data, { error: zodErrorsIn(locale) });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join(".") : "";
    throw new AppError(
      "invalid_input",
      localMessage("galleryErrors.notAHistory", { where, problem: first?.message ?? "invalid" }),
      { detail: parsed.error.issues.slice(0, 5) },
    );
  }
  return parsed.data;
}

/** The rows and unique values already here that the manifest's rows could collide with. */
async function readExisting(manifest: HistoryManifest): Promise<ExistingState> {
  const db = getDb();
  const ids = async <T>(find: (chunk: string[]) => Promise<T[]>, values: string[]) => {
    const found: T[] = [];
    for (let i = 0; i < values.length; i += 500)
      found.push(...(await find(values.slice(i, i + 500))));
    return found;
  };
  const generationIds = await ids(
    findExistingGenerationIds,
    manifest.generations.map((g) => g.id),
  );
  const taskIds = await ids(
    findExistingProviderTaskIds,
    manifest.generations.flatMap((g) => (g.providerTaskId ? [g.providerTaskId] : [])),
  );
  const shares = await ids(
    (chunk) => db.share.findMany({ where: { id: { in: chunk } }, select: { id: true } }),
    manifest.shares.map((s) => s.id),
  );
  const elements = await ids(
    (chunk) =>
      db.element.findMany({
        where: { OR: [{ id: { in: chunk } }, { elementId: { in: chunk } }] },
        select: { id: true, elementId: true },
      }),
    manifest.elements.flatMap((e) => [e.id, e.elementId]),
  );
  const uploads = await ids(
    (chunk) =>
      db.upload.findMany({
        where: { id: { in: chunk } },
        select: { id: true, sha256: true, mediaPath: true },
      }),
    manifest.uploads.map((u) => u.id),
  );
  const collections = await db.collection.findMany({ select: { id: true, name: true } });
  return {
    collectionIds: new Set(collections.map((c) => c.id)),
    collectionIdsByName: new Map(collections.map((c) => [c.name, c.id])),
    generationIds: new Set(generationIds),
    providerTaskIds: new Set(taskIds),
    shareIds: new Set(shares.map((s) => s.id)),
    elementIds: new Set(elements.map((e) => e.id)),
    klingElementIds: new Set(elements.map((e) => e.elementId)),
    uploads: new Map(uploads.map((u) => [u.id, { sha256: u.sha256, mediaPath: u.mediaPath }])),
  };
}

function invalid(message: string, cause?: unknown): AppError {
  return new AppError("invalid_input", message, { cause });
}
