"use client";

import { useTranslations } from "next-intl";
import type { KeyboardEvent } from "react";

export type ElementDialogMode = "register" | "create";

const TABS = [
  { mode: "register", label: "tabRegister" },
  { mode: "create", label: "tabCreate" },
] as const satisfies readonly { mode: ElementDialogMode; label: string }[];

/** The two ways to add an element, as tabs (arrow keys move between them). */
export function ElementDialogTabs({
  mode,
  onChange,
}: {
  mode: ElementDialogMode;
  onChange: (mode: ElementDialogMode) => void;
}) {
  const t = useTranslations("elements");
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = mode === "register" ? "create" : "register";
    onChange(next);
    event.currentTarget.querySelector<HTMLButtonElement>(`[data-mode="${next}"]`)?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={t("tabsLabel")}
      className="mb-3 flex gap-1"
      onKeyDown={onKeyDown}
    >
      {TABS.map((tab) => (
        <button
          key={tab.mode}
          type="button"
          role="tab"
          data-mode={tab.mode}
          aria-selected={mode === tab.mode}
          tabIndex={mode === tab.mode ? 0 : -1}
          onClick={() => onChange(tab.mode)}
          className={`rounded-md border px-3 py-1 text-sm ${
            mode === tab.mode ? "border-accent-2 text-white" : "border-line text-muted"
          }`}
        >
          {t(tab.label)}
        </button>
      ))}
    </div>
  );
}
