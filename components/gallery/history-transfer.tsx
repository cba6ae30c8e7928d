"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ChangeEvent, useState } from "react";

/**
 * Import sends an export archive back (idempotent). Its code loads on first use; the
 * Export link beside it is plain server-rendered HTML.
 */
export function HistoryImport() {
  const t = useTranslations("gallery");
  const router = useRouter();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setBusy(true);
    setMessage(t("importing"));
    const { importHistoryFile } = await import("./import-history-file");
    const result = await importHistoryFile(file, t);
    setMessage(result.message);
    setBusy(false);
    if (result.ok) router.refresh();
  };

  return (
    <>
      <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-line px-3 py-1.5 hover:bg-panel-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-2 sm:min-h-0">
        {t("importHistory")}
        <input
          type="file"
          accept=".zip,application/zip"
          className="sr-only"
          onChange={onFile}
          disabled={busy}
        />
      </label>
      {message ? (
        <p role="status" className="w-full text-xs text-muted">
          {message}
        </p>
      ) : null}
    </>
  );
}
