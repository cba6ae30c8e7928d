"use client";

import type { RefObject } from "react";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import { type PromptEditorHandle, PromptEditorLazy } from "./prompt-editor-lazy";
import type { ElementSummary, FilesHandler } from "./prompt-editor-props";

export type CountedPromptEditorProps = {
  /** The editor is named by the caller's `${idBase}-label` and described by `${idBase}-help`. */
  idBase: string;
  references: readonly Reference[];
  library: readonly ElementSummary[];
  initialValue: readonly PromptSegment[];
  onChange: (segments: PromptSegment[]) => void;
  /** Files dropped or pasted on the text: create references, return their ids. */
  onFiles: FilesHandler;
  onAddElement: (element: ElementSummary) => string;
  editorRef: RefObject<PromptEditorHandle | null>;
  placeholder: string;
  /** Characters as sent (code points, as the provider counts): tokens counted, chips not. */
  sentLength: number;
  /** The most characters the provider takes here. */
  max: number;
  errors: string[];
};

/**
 * A chip editor and, under it, the line that describes it: its errors and its sent length
 * against `max`. The main prompt and each storyboard shot use it.
 */
export function CountedPromptEditor(props: CountedPromptEditorProps) {
  const { idBase, sentLength, max, errors } = props;
  return (
    <>
      <PromptEditorLazy
        references={props.references}
        elementLibrary={props.library}
        initialValue={props.initialValue}
        onChange={props.onChange}
        onFilesDropped={props.onFiles}
        onPasteImage={props.onFiles}
        onAddElement={props.onAddElement}
        labelledBy={`${idBase}-label`}
        describedBy={`${idBase}-help`}
        invalid={errors.length > 0}
        placeholder={props.placeholder}
        editorRef={props.editorRef}
      />
      <div
        id={`${idBase}-help`}
        className="flex flex-wrap items-center justify-between gap-2 text-xs"
      >
        <span className="text-red-300">{errors.join(" ")}</span>
        <span className={sentLength > max ? "text-red-300" : "text-muted"}>
          {sentLength} / {max}
        </span>
      </div>
    </>
  );
}
