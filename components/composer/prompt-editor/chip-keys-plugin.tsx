"use client";

import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  $getSelection,
  $isNodeSelection,
  COMMAND_PRIORITY_LOW,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  mergeRegister,
} from "lexical";
import { useEffect } from "react";
import { $isReferenceChipNode } from "./reference-chip-node";

/**
 * A chip selected as a whole (clicked, or reached by the caret) is removed by one
 * Backspace or Delete; the caret stays where the chip was so focus never leaves the text.
 */
export function ChipKeysPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const remove = (event: KeyboardEvent | null, backward: boolean) => {
      const selection = $getSelection();
      if (!$isNodeSelection(selection)) return false;
      const chips = selection.getNodes().filter($isReferenceChipNode);
      if (chips.length === 0) return false;
      event?.preventDefault();
      const edge = backward ? chips[0] : chips[chips.length - 1];
      const previous = edge?.getPreviousSibling();
      const next = edge?.getNextSibling();
      const parent = edge?.getParent();
      for (const chip of chips) chip.remove();
      if (previous?.isAttached()) previous.selectEnd();
      else if (next?.isAttached()) next.selectStart();
      else parent?.selectStart();
      return true;
    };
    return mergeRegister(
      editor.registerCommand(KEY_BACKSPACE_COMMAND, (e) => remove(e, true), COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_DELETE_COMMAND, (e) => remove(e, false), COMMAND_PRIORITY_LOW),
    );
  }, [editor]);
  return null;
}
