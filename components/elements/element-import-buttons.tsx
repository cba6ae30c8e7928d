"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { importElementsAction } from "@/lib/actions/import-elements";
import type { ElementView } from "@/lib/elements/element-schema";

const button =
  "rounded border border-line px-2 py-0.5 text-xs text-muted hover:text-white disabled:opacity-60";
const SOURCES = [
  { source: "account", label: "importMine" },
  { source: "presets", label: "importPresets" },
] as const;

/** Brings the account's elements or Kling's presets into the library. */
export function ElementImportButtons({
  onImported,
}: {
  onImported: (added: ElementView[]) => void;
}) {
  const t = useTranslations("elements");
  const [message, setMessage] = useState("");
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = (source: (typeof SOURCES)[number]["source"]) =>
    startTransition(async () => {
      setMessage(t("importing", { source }));
      const result = await importElementsAction(source);
      setFailed(!result.ok);
      // The action's refusal is already in the reader's words (said on the server).
      if (!result.ok) return setMessage(result.error);
      onImported(result.data.added);
      const { added, alreadyThere } = result.data;
      setMessage(t("imported", { source, added: added.length, alreadyThere }));
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {SOURCES.map(({ source, label }) => (
        <button
          key={source}
          type="button"
          disabled={pending}
          className={button}
          onClick={() => run(source)}
        >
          {t(label)}
        </button>
      ))}
      <p
        role={failed ? "alert" : "status"}
        className={`text-xs ${failed ? "text-red-300" : "text-muted"}`}
      >
        {message}
      </p>
    </div>
  );
}
