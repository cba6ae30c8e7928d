type Summary = {
  generations: { imported: number; skipped: number };
  files: { written: number };
  error?: string;
};

/** Sends an export archive as the raw body and words the outcome for the person. */
export async function importHistoryFile(file: File): Promise<{ ok: boolean; message: string }> {
  try {
    const response = await fetch("/api/import", { method: "POST", body: file });
    const body = (await response.json()) as Summary;
    if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
    return {
      ok: true,
      message: `Imported ${body.generations.imported} generations (${body.generations.skipped} already here), ${body.files.written} files.`,
    };
  } catch (error) {
    return {
      ok: false,
      message: `Import failed: ${error instanceof Error ? error.message : "unknown error"}`,
    };
  }
}
