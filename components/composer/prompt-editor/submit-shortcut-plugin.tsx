"use client";

import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND } from "lexical";
import { useEffect } from "react";

/**
 * Cmd/Ctrl+Enter in the prompt submits the form it sits in (Generate), before Lexical can
 * turn the Enter into a new line. Plain Enter keeps its usual meaning.
 */
export function SubmitShortcutPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (!event || !(event.metaKey || event.ctrlKey)) return false;
          event.preventDefault();
          editor.getRootElement()?.closest("form")?.requestSubmit();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
