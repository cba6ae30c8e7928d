"use client";

import type { RefObject } from "react";
import { MAX_PROMPT_CHARS } from "@/lib/generations/limits";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import { type PromptEditorHandle, PromptEditorLazy } from "./prompt-editor/prompt-editor-lazy";
import type { ElementSummary } from "./prompt-editor/prompt-editor-props";

type Props = {
  references: Reference[];
  library: readonly ElementSummary[];
  initialSegments: PromptSegment[];
  onChange: (segments: PromptSegment[]) => void;
  onFiles: (files: File[]) => string[];
  onAddElement: (element: ElementSummary) => string;
  editorRef: RefObject<PromptEditorHandle | null>;
  /** Characters as sent: tokens counted, chips not. */
  sentLength: number;
  errors: string[];
};

/** The "Prompt" label, the chip editor, its errors and the character count. */
export function ComposerPromptField(props: Props) {
  const { errors, sentLength } = props;
  return (
    <div className="flex flex-col gap-1">
      <span id="prompt-label" className="text-xs font-medium uppercase tracking-wide text-muted">
        Prompt
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
      <p className="text-xs text-muted">
        Type @ to mention a reference or element; drop or paste images onto the text.
      </p>
    </div>
  );
}
