"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

type Props = {
  text: string;
  /** The button's name ("Copy prompt", "Copy link"); it stays the same after copying. */
  label: string;
  className: string;
};

/**
 * Puts the text on the clipboard and says how it went in a status beside the button, so a
 * screen reader hears "Copied" (or why not) while the button keeps its name for the next press.
 */
export function CopyButton({ text, label, className }: Props) {
  const t = useTranslations("ui");
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
      <button type="button" onClick={copy} className={className}>
        {label}
      </button>
      <span role="status" className="text-xs normal-case tracking-normal text-muted">
        {outcome}
      </span>
    </span>
  );
}
