import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";

/** One entry of a hand-made archive: bytes, or a stream of `size` bytes made on the fly. */
export type ArchiveEntry =
  | { name: string; bytes: Buffer; compress?: boolean }
  | { name: string; stream: () => Readable; compress?: boolean };

export async function writeArchive(dir: string, entries: ArchiveEntry[]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    const options = { compress: entry.compress ?? true };
    if ("bytes" in entry) zip.addBuffer(entry.bytes, entry.name, options);
    else zip.addReadStream(entry.stream(), entry.name, options);
  }
  zip.end();
  const file = path.join(dir, `archive-${Math.random().toString(36).slice(2)}.zip`);
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

/** `size` bytes: `head`, then zeros, without ever holding them all in memory. */
export function zeros(size: number, head: Buffer = Buffer.alloc(0)): () => Readable {
  return () => {
    let sent = 0;
    const chunk = Buffer.alloc(1024 * 1024);
    return new Readable({
      read() {
        if (sent >= size) {
          this.push(null);
          return;
        }
        const first = sent === 0 ? head : Buffer.alloc(0);
        const piece = Buffer.concat([first, chunk]).subarray(
          0,
          Math.min(chunk.length, size - sent),
        );
        sent += piece.length;
        this.push(piece);
      },
    });
  };
}

/** The studio's manifest around some rows (every table present, as export writes it). */
export function manifest(rows: {
  generations?: unknown[];
  references?: unknown[];
  shares?: unknown[];
  uploads?: unknown[];
  elements?: unknown[];
}): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: "omni-studio-history",
      version: 1,
      exportedAt: "2026-12-01T00:00:00.000Z",
      generations: rows.generations ?? [],
      references: rows.references ?? [],
      shares: rows.shares ?? [],
      uploads: rows.uploads ?? [],
      elements: rows.elements ?? [],
    }),
  );
}

/** A generation row as export writes a finished one. */
export function generationRow(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    createdAt: "2026-11-30T10:00:00.000Z",
    updatedAt: "2026-11-30T10:01:00.000Z",
    prompt: "A lighthouse at dusk",
    mode: "std",
    aspectRatio: "16:9",
    duration: "5",
    status: "succeeded",
    providerTaskId: null,
    errorCode: null,
    errorMessage: null,
    submittedAt: null,
    startedAt: null,
    finishedAt: null,
    nextCheckAt: null,
    checkAttempts: 0,
    providerVideoUrl: null,
    videoPath: null,
    posterPath: null,
    videoBytes: null,
    videoSha256: null,
    width: null,
    height: null,
    durationSeconds: null,
    estimatedCostUsd: null,
    callbackToken: null,
    providerDoneAt: null,
    favorite: false,
    parentId: null,
    parentKind: null,
    ...overrides,
  };
}
