"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ChangeEvent, useEffect, useRef, useState } from "react";

/**
 * Import sends an export archive back (idempotent). This part loads when "Import history" is
 * first pressed (history-transfer.tsx) and opens the file picker for that press at once;
 * from then on it is the control itself.
 */
export function HistoryImportPicker({ openAtOnce }: { openAtOnce: boolean }) {
  const t = useTranslations("gallery");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const opened = useRef(false);
  useEffect(() => {
    if (!openAtOnce || opened.current) return;
    opened.current = true;
    // Still inside the press's user activation: the picker is allowed to open.
    input.current?.click();
  }, [openAtOnce]);

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
          ref={input}
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
