import {
  $getRoot,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
  SKIP_DOM_SELECTION_TAG,
  type UpdateTag,
} from "lexical";
import type { RefObject } from "react";
import { normalizeSegments, parsePromptText } from "@/lib/prompt/parse-prompt-text";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import { $insertChips, $readSegments, $writeSegments } from "./editor-segments";
import type { PromptEditorHandle } from "./prompt-editor-props";

function toSegments(
  value: string | readonly PromptSegment[],
  references: readonly Reference[],
): PromptSegment[] {
  return typeof value === "string"
    ? parsePromptText(value, references).segments
    : normalizeSegments(value);
}

/** Lexical's initial state: a function run inside the editor's first update. */
export function initialEditorState(
  value: string | readonly PromptSegment[] | undefined,
  references: readonly Reference[],
): (() => void) | undefined {
  if (value === undefined || value.length === 0) return undefined;
  const segments = toSegments(value, references);
  return () => $writeSegments(segments);
}

export function createPromptEditorHandle(
  lexical: RefObject<LexicalEditor | null>,
  getReferences: () => readonly Reference[],
): PromptEditorHandle {
  const run = (fn: () => void, tag?: UpdateTag[]) =>
    lexical.current?.update(fn, tag ? { tag } : undefined);
  return {
    focus: () => lexical.current?.focus(),
    insertReferences(refIds, options) {
      // A step of its own in the undo history: Ctrl+Z takes the chips back out and leaves
      // the text typed just before them alone.
      if (options?.focus === false) {
        // The control that added the reference keeps focus (a keyboard user stays put).
        run(() => $insertChips(refIds), [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG]);
        return;
      }
      run(() => $insertChips(refIds), [HISTORY_PUSH_TAG]);
      lexical.current?.focus();
    },
    setValue(value) {
      run(() => {
        $writeSegments(toSegments(value, getReferences()));
        $getRoot().selectEnd();
      });
    },
    clear() {
      run(() => $writeSegments([]));
    },
    getSegments() {
      return lexical.current?.getEditorState().read(() => normalizeSegments($readSegments())) ?? [];
    },
  };
}
