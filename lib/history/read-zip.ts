import "server-only";
import type { Readable } from "node:stream";
import yauzl from "yauzl";

export type ZipEntryVisitor = (entry: yauzl.Entry, open: () => Promise<Readable>) => Promise<void>;

/** Visits a zip file's entries one at a time, in archive order (lazyEntries: no read-ahead). */
export async function visitZipEntries(filePath: string, visit: ZipEntryVisitor): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(filePath, { lazyEntries: true, validateEntrySizes: true }, (error, file) =>
      error || !file ? reject(error ?? new Error("cannot open zip")) : resolve(file),
    ),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", resolve);
      zip.on("entry", (entry: yauzl.Entry) => {
        const open = () =>
          new Promise<Readable>((res, rej) =>
            zip.openReadStream(entry, (error, stream) =>
              error || !stream ? rej(error ?? new Error("cannot read entry")) : res(stream),
            ),
          );
        visit(entry, open).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

export async function readStreamText(stream: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new Error("entry too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
