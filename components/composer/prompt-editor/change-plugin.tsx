"use client";

import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useEffect, useRef } from "react";
import { normalizeSegments } from "@/lib/prompt/parse-prompt-text";
import type { PromptSegment } from "@/lib/prompt/reference-types";
import { $readSegments } from "./editor-segments";

/** Reports the document as segments when its content (not just the caret) changed. */
export function ChangePlugin({ onChange }: { onChange: (segments: PromptSegment[]) => void }) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    let last = editor
      .getEditorState()
      .read(() => JSON.stringify(normalizeSegments($readSegments())));
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      const segments = editorState.read(() => normalizeSegments($readSegments()));
      const key = JSON.stringify(segments);
      if (key === last) return;
      last = key;
      latest.current(segments);
    });
  }, [editor]);
  return null;
}
