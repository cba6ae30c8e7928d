import type { Ref } from "react";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import type { FilesHandler } from "./drop-paste-plugin";
import type { ElementSummary } from "./mention-option";

export type { ElementSummary, FilesHandler };

/** What the parent can do to the editor. */
export type PromptEditorHandle = {
  focus(): void;
  /**
   * Inserts chips at the caret (at the end when the editor never had one) and focuses the
   * editor, unless `focus: false` (focus then stays on the control that was used).
   */
  insertReferences(refIds: readonly string[], options?: { focus?: boolean }): void;
  /** Replaces the whole text: segments, or prompt text whose tokens become chips. */
  setValue(value: string | readonly PromptSegment[]): void;
  clear(): void;
  getSegments(): PromptSegment[];
};

export type PromptEditorProps = {
  /** id of the contenteditable, for a `<label htmlFor>` or tests. */
  id?: string;
  /** Every reference, in tray order; chips number themselves from it. */
  references: readonly Reference[];
  /** Library elements offered by `@` that are not references yet. */
  elementLibrary?: readonly ElementSummary[];
  /** Starting text, read once: segments, or text with `<<<image_N>>>` tokens (a draft). */
  initialValue?: string | readonly PromptSegment[];
  /** Every change of the document, as normalized segments. */
  onChange: (segments: PromptSegment[]) => void;
  /** Files dropped on the text: create references, return their ids; chips land at the drop. */
  onFilesDropped?: FilesHandler;
  /** Images pasted from the clipboard: same contract, chips land at the caret. */
  onPasteImage?: FilesHandler;
  /** A library element chosen in the `@` menu: add it as a reference, return its id. */
  onAddElement?: (element: ElementSummary) => string;
  placeholder?: string;
  invalid?: boolean;
  /** ids of the help/error text (aria-describedby). */
  describedBy?: string;
  /** id of a visible label; without it the textbox is named "Prompt" by aria-label. */
  labelledBy?: string;
  editorRef?: Ref<PromptEditorHandle>;
};
