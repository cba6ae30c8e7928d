"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { PromptEditorProps } from "./prompt-editor-props";

/**
 * The editor's code (Lexical and the plugins) loads only where this is rendered, and only
 * in the browser. Until it arrives, a box of the same size holds its place.
 */
export const PromptEditorLazy = dynamic<PromptEditorProps>(
  () => import("./prompt-editor").then((m) => m.PromptEditor),
  {
    ssr: false,
    loading: EditorPlaceholder,
  },
);

function EditorPlaceholder() {
  const t = useTranslations("composer");
  return (
    <div
      aria-hidden="true"
      className="min-h-32 animate-pulse rounded-md border border-line bg-panel-2 p-3 text-sm text-muted/60"
    >
      {t("loadingEditor")}
    </div>
  );
}

export type { PromptEditorHandle, PromptEditorProps } from "./prompt-editor-props";
