"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** "Copy prompt": the prompt's text on the clipboard; the outcome is announced, the name stays. */
export function CopyPromptButton({ text }: { text: string }) {
  const t = useTranslations("detail");
  const [outcome, setOutcome] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome(t("copied"));
    } catch {
      setOutcome(t("copyFailed"));
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className="rounded-md border border-line px-2.5 py-1 text-xs normal-case tracking-normal text-white hover:bg-panel-2"
      >
        {t("copyPrompt")}
      </button>
      <span role="status" className="text-xs normal-case tracking-normal text-muted">
        {outcome}
      </span>
    </span>
  );
}
