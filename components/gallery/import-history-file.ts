import type { useTranslations } from "next-intl";

type Summary = {
  generations: { imported: number; skipped: number };
  files: { written: number };
  error?: string;
};

type GalleryWords = ReturnType<typeof useTranslations<"gallery">>;

/**
 * Sends an export archive as the raw body and words the outcome for the person. Loaded on
 * first use (history-transfer.tsx), with its words, so the gallery's first load carries neither.
 */
export async function importHistoryFile(
  file: File,
  t: GalleryWords,
): Promise<{ ok: boolean; message: string }> {
  let response: Response;
  try {
    response = await fetch("/api/import", { method: "POST", body: file });
  } catch {
    return { ok: false, message: t("importFailed", { reason: t("importUnreachable") }) };
  }
  const body = (await response.json().catch(() => ({}))) as Partial<Summary>;
  if (!response.ok || !body.generations || !body.files) {
    // The server's refusal arrives already in the reader's language (errorResponse).
    const reason = body.error ?? t("importFailedHttp", { status: response.status });
    return { ok: false, message: t("importFailed", { reason }) };
  }
  return {
    ok: true,
    message: t("imported", {
      generations: body.generations.imported,
      skipped: body.generations.skipped,
      files: body.files.written,
    }),
  };
}
