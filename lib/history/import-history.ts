import "server-only";
import { createWriteStream } from "node:fs";
import { access } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/lib/errors";
import { commitAtomicWrite, discardFile, prepareAtomicWrite } from "@/lib/storage/media-store";
import {
  type HistoryManifest,
  historyManifestSchema,
  isSafeRelativePath,
  MANIFEST_NAME,
  MEDIA_PREFIX,
  manifestMediaPaths,
} from "./history-archive-schema";
import { insertHistoryRows } from "./insert-history-rows";
import { readStreamText, visitZipEntries } from "./read-zip";

export type ImportSummary = {
  generations: { imported: number; skipped: number };
  shares: number;
  uploads: number;
  elements: number;
  files: { written: number; skipped: number };
};

const MAX_MANIFEST_BYTES = 512 * 1024 * 1024;

/**
 * Imports an export archive. Idempotent: rows whose id is already present are skipped and
 * existing files are kept. Refused before anything is written unless the manifest comes
 * first and validates; media entries must be plain relative paths a row points at.
 * Files are written before rows, so no row ever points at a file not yet there.
 */
export async function importHistoryArchive(zipPath: string): Promise<ImportSummary> {
  let manifest: HistoryManifest | undefined;
  let wanted = new Set<string>();
  const files = { written: 0, skipped: 0 };
  try {
    await visitZipEntries(zipPath, async (entry, open) => {
      const name = entry.fileName;
      if (!manifest) {
        if (name !== MANIFEST_NAME) throw invalid("The archive must start with manifest.json.");
        manifest = parseManifest(await readStreamText(await open(), MAX_MANIFEST_BYTES));
        wanted = manifestMediaPaths(manifest);
        return;
      }
      if (name.endsWith("/")) return; // folder entries carry nothing
      const relative = name.startsWith(MEDIA_PREFIX) ? name.slice(MEDIA_PREFIX.length) : "";
      if (!isSafeRelativePath(relative)) throw invalid(`Unsafe path in the archive: ${name}`);
      if (!wanted.has(relative) || (await exists(relative))) {
        files.skipped += 1;
        return;
      }
      await writeEntry(relative, await open());
      files.written += 1;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid("The file is not a readable history archive.", error);
  }
  if (!manifest) throw invalid("The archive has no manifest.json.");
  const rows = await insertHistoryRows(manifest);
  return { ...rows, files };
}

function parseManifest(json: string): HistoryManifest {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw invalid("manifest.json is not valid JSON.", error);
  }
  const parsed = historyManifestSchema.safeParse(data);
  if (!parsed.success) {
    throw new AppError("invalid_input", "manifest.json does not describe an Omni Studio history.", {
      detail: parsed.error.issues.slice(0, 5),
    });
  }
  return parsed.data;
}

async function exists(relative: string): Promise<boolean> {
  const { finalPath } = await prepareAtomicWrite(relative);
  return access(finalPath).then(
    () => true,
    () => false,
  );
}

async function writeEntry(relative: string, stream: NodeJS.ReadableStream): Promise<void> {
  const { finalPath, tempPath } = await prepareAtomicWrite(relative);
  try {
    await pipeline(stream, createWriteStream(tempPath));
    await commitAtomicWrite(tempPath, finalPath);
  } catch (error) {
    await discardFile(tempPath);
    throw error;
  }
}

function invalid(message: string, cause?: unknown): AppError {
  return new AppError("invalid_input", message, { cause });
}
