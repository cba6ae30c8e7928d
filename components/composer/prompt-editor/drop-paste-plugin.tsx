"use client";

import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  $createRangeSelection,
  $getNearestNodeFromDOMNode,
  $isTextNode,
  $normalizeSelection__EXPERIMENTAL,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
  mergeRegister,
  PASTE_COMMAND,
} from "lexical";
import { useEffect, useRef } from "react";
import { getElementDragData, isElementDrag } from "@/components/elements/element-drag";
import { $insertChips } from "./editor-segments";
import type { ElementSummary } from "./mention-option";
import { getReferenceDragData, hasDraggedFiles, isReferenceDrag } from "./reference-drag";

/** Gives the new reference ids for files the parent accepted (in order), sync or later. */
export type FilesHandler = (files: File[]) => string[] | Promise<string[]>;

export type DropPastePluginProps = {
  onFilesDropped: FilesHandler | undefined;
  onPasteImage: FilesHandler | undefined;
  /** A library element dropped on the text: add it as a reference, return its id. */
  onElementDropped?: ((element: ElementSummary) => string) | undefined;
};

/**
 * Files dropped on the text and references dragged from the tray land as chips where they
 * were dropped; pasted images land at the caret. Plain-text paste is left to Lexical.
 */
export function DropPastePlugin({
  onFilesDropped,
  onPasteImage,
  onElementDropped,
}: DropPastePluginProps) {
  const [editor] = useLexicalComposerContext();
  const handlers = useRef({ onFilesDropped, onPasteImage, onElementDropped });
  handlers.current = { onFilesDropped, onPasteImage, onElementDropped };

  useEffect(
    () =>
      mergeRegister(
        // The highlight shown while something droppable is over the text goes when it leaves.
        editor.registerRootListener((root, previous) => {
          previous?.removeEventListener("dragleave", clearDropHighlight);
          root?.addEventListener("dragleave", clearDropHighlight);
        }),
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            const ours = isReferenceDrag(event.dataTransfer);
            if (isElementDrag(event.dataTransfer) && handlers.current.onElementDropped) {
              event.preventDefault();
              if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
              return true;
            }
            if (
              !ours &&
              !(hasDraggedFiles(event.dataTransfer) && handlers.current.onFilesDropped)
            ) {
              return false;
            }
            event.preventDefault();
            if (event.dataTransfer) event.dataTransfer.dropEffect = ours ? "move" : "copy";
            editor.getRootElement()?.setAttribute("data-drop-target", "");
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const element = getElementDragData(event.dataTransfer);
            const refId =
              getReferenceDragData(event.dataTransfer) ??
              (element ? (handlers.current.onElementDropped?.(element) ?? null) : null);
            const files = Array.from(event.dataTransfer?.files ?? []);
            const onFiles = handlers.current.onFilesDropped;
            if (!refId && !(files.length > 0 && onFiles)) return false;
            event.preventDefault();
            editor.getRootElement()?.removeAttribute("data-drop-target");
            $selectAtPoint(editor, event.clientX, event.clientY);
            if (refId) $insertChips([refId]);
            else if (onFiles) insertWhenReady(editor, onFiles(files));
            editor.focus();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = "clipboardData" in event ? event.clipboardData : null;
            const images = Array.from(data?.files ?? []).filter((f) => f.type.startsWith("image/"));
            const onPaste = handlers.current.onPasteImage;
            if (images.length === 0 || !onPaste) return false;
            event.preventDefault();
            insertWhenReady(editor, onPaste(images));
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );

  return null;
}

function clearDropHighlight(event: DragEvent): void {
  const root = event.currentTarget as HTMLElement;
  const to = event.relatedTarget;
  if (!(to instanceof Node && root.contains(to))) root.removeAttribute("data-drop-target");
}

/** Synchronous ids go in with the drop itself; later ones at wherever the caret is then. */
function insertWhenReady(editor: LexicalEditor, ids: string[] | Promise<string[]>): void {
  if (Array.isArray(ids)) {
    $insertChips(ids);
    return;
  }
  void ids.then((resolved) => {
    // Its own undo step: Ctrl+Z removes the chips, not the text typed before them.
    if (resolved.length > 0) editor.update(() => $insertChips(resolved), { tag: HISTORY_PUSH_TAG });
  });
}

function $selectAtPoint(editor: LexicalEditor, x: number, y: number): void {
  const caret = domCaretFromPoint(x, y);
  const root = editor.getRootElement();
  if (!caret || !root?.contains(caret.node)) return;
  const node = $getNearestNodeFromDOMNode(caret.node);
  if (!node) return;
  const selection = $createRangeSelection();
  if ($isTextNode(node)) {
    selection.anchor.set(node.getKey(), caret.offset, "text");
    selection.focus.set(node.getKey(), caret.offset, "text");
  } else {
    const parent = node.getParent();
    if (!parent) {
      // The point hit the root or a paragraph itself: use the offset among its children.
      selection.anchor.set(node.getKey(), caret.offset, "element");
      selection.focus.set(node.getKey(), caret.offset, "element");
    } else {
      const offset = node.getIndexWithinParent() + 1;
      selection.anchor.set(parent.getKey(), offset, "element");
      selection.focus.set(parent.getKey(), offset, "element");
    }
  }
  $setSelection($normalizeSelection__EXPERIMENTAL(selection));
}

function domCaretFromPoint(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === "function") {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
