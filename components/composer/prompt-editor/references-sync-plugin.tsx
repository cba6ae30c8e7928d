"use client";

import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $dfs } from "@lexical/utils";
import {
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
  $isTextNode,
  HISTORY_MERGE_TAG,
  SKIP_DOM_SELECTION_TAG,
  TextNode,
} from "lexical";
import { useEffect, useRef } from "react";
import { findTokens } from "@/lib/prompt/prompt-tokens";
import { referencesOfKind } from "@/lib/prompt/reference-list";
import type { Reference } from "@/lib/prompt/reference-types";
import { tokensByReferenceId } from "@/lib/prompt/serialize-prompt";
import { setChipTokens } from "./chip-tokens";
import { $createReferenceChipNode, $isReferenceChipNode } from "./reference-chip-node";

/**
 * Keeps the document in step with the reference list: token text typed or pasted becomes a
 * chip when its reference exists, chips of a removed reference go away, and every chip's
 * token follows the current order.
 */
export function ReferencesSyncPlugin({ references }: { references: readonly Reference[] }) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(references);
  const previousIds = useRef<Set<string>>(new Set(references.map((r) => r.id)));
  latest.current = references;

  useEffect(
    () =>
      editor.registerNodeTransform(TextNode, (node) => {
        $convertTokens(node, latest.current);
      }),
    [editor],
  );

  useEffect(() => {
    setChipTokens(tokensByReferenceId(references));
    const current = new Set(references.map((r) => r.id));
    const removed = [...previousIds.current].filter((id) => !current.has(id));
    previousIds.current = current;
    const hasFocus = editor.getRootElement()?.contains(document.activeElement) ?? false;
    editor.update(
      () => {
        for (const { node } of $dfs($getRoot())) {
          if ($isReferenceChipNode(node)) {
            if (removed.includes(node.getRefId())) $removeChipKeepingCaret(node);
            // Marked dirty so cached text and decorations see the new numbering.
            else node.markDirty();
          } else if ($isTextNode(node)) {
            node.markDirty();
          }
        }
      },
      // Not an undo step of its own, and never pulls focus into the editor.
      { tag: hasFocus ? HISTORY_MERGE_TAG : [HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG] },
    );
  }, [editor, references]);

  return null;
}

function $convertTokens(node: TextNode, references: readonly Reference[]): void {
  if (!node.isSimpleText() || !node.isAttached()) return;
  const text = node.getTextContent();
  for (const token of findTokens(text)) {
    const ref = referencesOfKind(references, token.kind)[token.n - 1];
    if (!ref) continue;
    const end = token.index + token.text.length;
    const parts = node.splitText(token.index, end);
    const target = token.index === 0 ? parts[0] : parts[1];
    if (!target) return;
    const selection = $getSelection();
    const caretInside = $isRangeSelection(selection) && selection.anchor.key === target.getKey();
    const chip = $createReferenceChipNode(ref.id);
    target.replace(chip);
    if (caretInside) chip.selectNext(0, 0);
    // The rest of the text is a new node; its own transform converts further tokens.
    return;
  }
}

function $removeChipKeepingCaret(node: ReturnType<typeof $createReferenceChipNode>): void {
  const selection = $getSelection();
  const selected = $isNodeSelection(selection) && selection.has(node.getKey());
  const previous = node.getPreviousSibling();
  const next = node.getNextSibling();
  node.remove();
  if (!selected) return;
  if (previous) previous.selectEnd();
  else if (next) next.selectStart();
  else $getRoot().selectEnd();
}
