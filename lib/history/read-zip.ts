import "server-only";
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";

export type ZipEntryInfo = {
  fileName: string;
  compressedSize: number;
  uncompressedSize: number;
};

export type OpenZip = {
  /** Every entry, in archive order, from the central directory: nothing is unpacked yet. */
  entries: ZipEntryInfo[];
  /** Unpacks one entry; yauzl checks the bytes it yields against the declared size. */
  open(fileName: string): Promise<Readable>;
  close(): void;
};

/**
 * Reads a zip's directory (names and declared sizes) without unpacking anything, so every
 * cap can be checked before a byte is written; entries are opened one by one afterwards.
 * yauzl refuses absolute and `..` names and entries whose bytes differ from their sizes.
 */
export async function openZip(filePath: string, maxEntries: number): Promise<OpenZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(
      filePath,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true },
      (error, file) =>
        error || !file ? reject(error ?? new Error("cannot open zip")) : resolve(file),
    ),
  );
  if (zip.entryCount > maxEntries) {
    zip.close();
    throw invalid(
      localMessage("galleryErrors.tooManyEntries", { count: zip.entryCount, max: maxEntries }),
    );
  }
  const byName = new Map<string, yauzl.Entry>();
  const entries: ZipEntryInfo[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", resolve);
      zip.on("entry", (entry: yauzl.Entry) => {
        if (byName.has(entry.fileName)) {
          reject(invalid(localMessage("galleryErrors.entryTwice", { name: entry.fileName })));
          return;
        }
        byName.set(entry.fileName, entry);
        entries.push({
          fileName: entry.fileName,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
        });
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    entries,
    open: (fileName) => {
      const entry = byName.get(fileName);
      if (!entry)
        return Promise.reject(
          invalid(localMessage("galleryErrors.entryMissing", { name: fileName })),
        );
      return new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (error, stream) =>
          error || !stream ? reject(error ?? new Error("cannot read entry")) : resolve(stream),
        ),
      );
    },
    close: () => zip.close(),
  };
}

/** The whole entry as text, refusing (and stopping) past `maxBytes`. */
export async function readStreamText(stream: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      stream.destroy();
      throw invalid(localMessage("galleryErrors.entryTooLarge"));
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Unpacks an entry to `target` (created, never overwritten), stopping past `maxBytes`. The
 * first bytes go to `checkHead` before anything is written, so an entry that is not what it
 * claims costs one chunk, not its declared size.
 */
export async function extractTo(
  stream: Readable,
  target: string,
  maxBytes: number,
  checkHead: (head: Buffer) => void,
): Promise<number> {
  const out = createWriteStream(target, { flags: "wx", mode: 0o600 });
  const write = async (buffer: Buffer) => {
    if (!out.write(buffer))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  };
  let total = 0;
  let pending: Buffer[] | undefined = [];
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) throw invalid(localMessage("galleryErrors.entryTooLarge"));
      if (pending) {
        pending.push(buffer);
        if (total < HEAD_BYTES) continue;
        const held = Buffer.concat(pending);
        pending = undefined;
        checkHead(held);
        await write(held);
      } else await write(buffer);
    }
    if (pending) {
      const held = Buffer.concat(pending);
      checkHead(held);
      await write(held);
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    return total;
  } catch (error) {
    stream.destroy();
    out.destroy();
    throw error;
  }
}

/** Enough for every signature checked (PNG 8, JPEG 3, the ftyp box at 4–12). */
const HEAD_BYTES = 64;

function invalid(message: string): AppError {
  return new AppError("invalid_input", message);
}
