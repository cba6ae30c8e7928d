"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { MAX_PROMPT_CHARS } from "@/lib/kling-contract/limits";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import { type PromptEditorHandle, PromptEditorLazy } from "./prompt-editor/prompt-editor-lazy";
import type { ElementSummary } from "./prompt-editor/prompt-editor-props";

type Props = {
  references: Reference[];
  library: readonly ElementSummary[];
  initialSegments: PromptSegment[];
  onChange: (segments: PromptSegment[]) => void;
  onFiles: (files: File[]) => Promise<string[]>;
  onAddElement: (element: ElementSummary) => string;
  editorRef: RefObject<PromptEditorHandle | null>;
  /** Characters as sent (code points, as the provider counts): tokens counted, chips not. */
  sentLength: number;
  errors: string[];
  /** While a custom storyboard's shots replace the prompt: kept mounted, so its text stays. */
  hidden?: boolean | undefined;
};

/** The "Prompt" label, the chip editor, its errors and the character count. */
export function ComposerPromptField(props: Props) {
  const { errors, sentLength } = props;
  const t = useTranslations("composer");
  return (
    <div hidden={props.hidden} className={props.hidden ? undefined : "flex flex-col gap-1"}>
      <span id="prompt-label" className="text-xs font-medium uppercase tracking-wide text-muted">
        {t("prompt")}
      </span>
      <PromptEditorLazy
        references={props.references}
        elementLibrary={props.library}
        initialValue={props.initialSegments}
        onChange={props.onChange}
        onFilesDropped={props.onFiles}
        onPasteImage={props.onFiles}
        onAddElement={props.onAddElement}
        labelledBy="prompt-label"
        placeholder={t("promptPlaceholder")}
        describedBy="prompt-help"
        invalid={errors.length > 0}
        editorRef={props.editorRef}
      />
      <div id="prompt-help" className="flex justify-between gap-2 text-xs">
        <span className="text-red-300">{errors.join(" ")}</span>
        <span className={sentLength > MAX_PROMPT_CHARS ? "text-red-300" : "text-muted"}>
          {sentLength} / {MAX_PROMPT_CHARS}
        </span>
      </div>
      <p className="text-xs text-muted">{t("promptHelp")}</p>
    </div>
  );
}
