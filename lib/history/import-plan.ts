import { localMessage } from "@/i18n/local-message";
import { isTerminalStatus } from "@/lib/generations/status";
import type { HistoryManifest } from "./history-archive-schema";
import { type CollectionPlan, planCollections } from "./import-collections";
import { refuseImport as refuse } from "./refuse-import";

type Rows = HistoryManifest;
export type GenerationRow = Rows["generations"][number];
export type ReferenceRow = Rows["references"][number];
export type ShareRow = Rows["shares"][number];
export type ShotRow = Rows["shots"][number];
export type UploadRow = Rows["uploads"][number];
export type ElementRow = Rows["elements"][number];

/** What is already in the database, as far as the archive's rows are concerned. */
export type ExistingState = {
  generationIds: ReadonlySet<string>;
  shareIds: ReadonlySet<string>;
  elementIds: ReadonlySet<string>;
  /** Kling element ids (unique) already registered under some row. */
  klingElementIds: ReadonlySet<string>;
  providerTaskIds: ReadonlySet<string>;
  uploads: ReadonlyMap<string, { sha256: string; mediaPath: string }>;
  /** Collections here, by id and by name (an archive's collection joins one of the same name). */
  collectionIds: ReadonlySet<string>;
  collectionIdsByName: ReadonlyMap<string, string>;
};

/**
 * A file to unpack: a new row's own file, or (`verify`) an upload already here that a new
 * row uses, which the archive must prove it holds by carrying the same bytes.
 */
export type PlannedFile =
  | { archivePath: string; use: "result"; generationId: string }
  | { archivePath: string; use: "poster"; generationId: string }
  | { archivePath: string; use: "upload"; uploadId: string; kind: "image" | "video" }
  | {
      archivePath: string;
      use: "verify";
      uploadId: string;
      kind: "image" | "video";
      sha256: string;
    };

export type ImportPlan = {
  generations: GenerationRow[];
  references: ReferenceRow[];
  shots: ShotRow[];
  shares: ShareRow[];
  uploads: UploadRow[];
  elements: ElementRow[];
  files: PlannedFile[];
  collections: CollectionPlan;
  skipped: { generations: number; shares: number; uploads: number; elements: number };
};

/**
 * Decides what an archive may add, refusing the whole archive when a row reaches outside
 * it: every file a row names must be in the archive, a generation's video and poster are its
 * own, references and thumbnails use uploads the archive brings, shares and parents name
 * generations the archive brings (a share may only publish a generation imported with it),
 * and no new row may take a provider task another row holds. Rows already here are
 * skipped (a second import changes nothing). Pure: the caller reads the database.
 */
export function planImport(
  manifest: HistoryManifest,
  archivePaths: ReadonlySet<string>,
  existing: ExistingState,
): ImportPlan {
  for (const [table, rows] of Object.entries(manifest)) {
    if (Array.isArray(rows)) assertUniqueIds(table, rows as { id: string }[]);
  }
  const uses = countPathUses(manifest);
  for (const path of uses.keys()) {
    if (!archivePaths.has(path)) refuse("importDetails.mediaNotHeld", { path });
  }
  const uploadsByPath = new Map<string, UploadRow>();
  for (const upload of manifest.uploads) {
    if (uploadsByPath.has(upload.mediaPath))
      refuse("importDetails.uploadsSamePath", { path: upload.mediaPath });
    uploadsByPath.set(upload.mediaPath, upload);
  }
  const generationIds = new Set(manifest.generations.map((g) => g.id));
  const newGenerations = manifest.generations.filter((g) => !existing.generationIds.has(g.id));
  const newGenerationIds = new Set(newGenerations.map((g) => g.id));
  const files: PlannedFile[] = [];
  const usedUploads = new Map<string, UploadRow>();

  const taskIds = new Set<string>();
  for (const generation of manifest.generations) {
    for (const path of [generation.videoPath, generation.posterPath]) {
      if (path && (uses.get(path) ?? 0) > 1) refuse("importDetails.mediaNamedTwice", { path });
    }
    if (generation.parentId && !generationIds.has(generation.parentId)) {
      refuse("importDetails.parentMissing", { id: generation.id });
    }
    const task = generation.providerTaskId;
    if (
      task &&
      (taskIds.has(task) ||
        (newGenerationIds.has(generation.id) && existing.providerTaskIds.has(task)))
    ) {
      refuse("importDetails.taskTaken", { task });
    }
    if (task) taskIds.add(task);
  }
  for (const generation of newGenerations) {
    if (generation.videoPath)
      files.push({ archivePath: generation.videoPath, use: "result", generationId: generation.id });
    if (generation.posterPath)
      files.push({
        archivePath: generation.posterPath,
        use: "poster",
        generationId: generation.id,
      });
  }

  const takeUpload = (path: string | null, uploadId: string | null, who: string) => {
    if (path === null && uploadId === null) return;
    const byPath = path === null ? undefined : uploadsByPath.get(path);
    const byId = uploadId === null ? undefined : manifest.uploads.find((u) => u.id === uploadId);
    const upload = byPath ?? byId;
    if (!upload || (byPath && byId && byPath !== byId) || (path !== null && !byPath)) {
      refuse("importDetails.fileNotBrought", { who });
    }
    usedUploads.set(upload.id, upload);
  };
  const references = manifest.references.filter((ref) => {
    if (!generationIds.has(ref.generationId))
      refuse("importDetails.referenceOrphan", { id: ref.id });
    if (!newGenerationIds.has(ref.generationId)) return false;
    takeUpload(ref.mediaPath, ref.uploadId, row("referenceRow", ref.id));
    return true;
  });
  const shots = manifest.shots.filter((shot) => {
    if (!generationIds.has(shot.generationId)) refuse("importDetails.shotOrphan", { id: shot.id });
    return newGenerationIds.has(shot.generationId);
  });

  const elements: ElementRow[] = [];
  let skippedElements = 0;
  const klingIds = new Set<string>();
  for (const element of manifest.elements) {
    if (klingIds.has(element.elementId))
      refuse("importDetails.elementTwice", { id: element.elementId });
    klingIds.add(element.elementId);
    if (existing.elementIds.has(element.id) || existing.klingElementIds.has(element.elementId)) {
      skippedElements += 1;
      continue;
    }
    if (element.thumbnailPath)
      takeUpload(element.thumbnailPath, null, row("elementRow", element.id));
    elements.push(element);
  }

  const shares = manifest.shares.filter((share) => {
    if (existing.shareIds.has(share.id)) return false;
    if (!newGenerationIds.has(share.generationId)) {
      refuse("importDetails.shareOrphan");
    }
    return true;
  });

  const uploads = manifest.uploads.filter((upload) => !existing.uploads.has(upload.id));
  for (const upload of uploads) {
    files.push({
      archivePath: upload.mediaPath,
      use: "upload",
      uploadId: upload.id,
      kind: upload.kind,
    });
  }
  for (const upload of usedUploads.values()) {
    const here = existing.uploads.get(upload.id);
    if (!here) continue;
    if (here.sha256 !== upload.sha256) refuse("importDetails.uploadDiffers", { id: upload.id });
    files.push({
      archivePath: upload.mediaPath,
      use: "verify",
      uploadId: upload.id,
      kind: upload.kind,
      sha256: here.sha256,
    });
  }

  return {
    generations: newGenerations.map(settle),
    references,
    shots,
    shares,
    uploads,
    elements,
    files,
    collections: planCollections(manifest.collections, generationIds, newGenerationIds, existing),
    skipped: {
      generations: manifest.generations.length - newGenerations.length,
      shares: manifest.shares.length - shares.length,
      uploads: manifest.uploads.length - uploads.length,
      elements: skippedElements,
    },
  };
}

/**
 * An imported row is history, not work: nothing about it is followed or sent again on this
 * machine (an archive must not spend this studio's key). Unfinished rows with a provider
 * task become `uncertain` (the person may check again); the others are canceled. Callback
 * tokens and the provider's URL belonged to the other machine.
 */
function settle(row: GenerationRow): GenerationRow {
  const base = { ...row, callbackToken: null, providerVideoUrl: null, nextCheckAt: null };
  if (isTerminalStatus(row.status)) return base;
  return row.providerTaskId
    ? {
        ...base,
        status: "uncertain",
        errorMessage: localMessage("failureDetails.importedUnfinished"),
      }
    : { ...base, status: "canceled", errorMessage: localMessage("failureDetails.importedUnsent") };
}

function countPathUses(manifest: HistoryManifest): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (path: string | null) => {
    if (path) counts.set(path, (counts.get(path) ?? 0) + 1);
  };
  for (const g of manifest.generations) {
    add(g.videoPath);
    add(g.posterPath);
  }
  for (const u of manifest.uploads) add(u.mediaPath);
  return counts;
}

function assertUniqueIds(table: string, rows: { id: string }[]): void {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id)) refuse("importDetails.rowTwice", { table, id: row.id });
    seen.add(row.id);
  }
}

/** "Reference ref_…" / "참조 ref_…": the row a refusal names. */
function row(kind: "referenceRow" | "elementRow", id: string): string {
  return localMessage(`importDetails.${kind}`, { id });
}
