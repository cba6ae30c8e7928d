import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  type LexicalNode,
} from "lexical";
import type { PromptSegment } from "@/lib/prompt/reference-types";
import { $createReferenceChipNode, $isReferenceChipNode } from "./reference-chip-node";

/** The editor document as segments: paragraphs and line breaks become "\n". */
export function $readSegments(): PromptSegment[] {
  const segments: PromptSegment[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last?.type === "text") last.text += text;
    else segments.push({ type: "text", text });
  };
  const visit = (node: LexicalNode) => {
    if ($isReferenceChipNode(node)) segments.push({ type: "chip", refId: node.getRefId() });
    else if ($isLineBreakNode(node)) pushText("\n");
    else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
    else pushText(node.getTextContent());
  };
  $getRoot()
    .getChildren()
    .forEach((block, i) => {
      if (i > 0) pushText("\n");
      visit(block);
    });
  return segments;
}

/** Nodes for segments, ready to insert; text "\n" becomes line breaks (plain-text editor). */
export function $nodesForSegments(segments: readonly PromptSegment[]): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  for (const segment of segments) {
    if (segment.type === "chip") {
      nodes.push($createReferenceChipNode(segment.refId));
      continue;
    }
    segment.text.split("\n").forEach((line, i) => {
      if (i > 0) nodes.push($createLineBreakNode());
      if (line) nodes.push($createTextNode(line));
    });
  }
  return nodes;
}

export function $writeSegments(segments: readonly PromptSegment[]): void {
  const root = $getRoot();
  root.clear();
  const paragraph = $createParagraphNode();
  paragraph.append(...$nodesForSegments(segments));
  root.append(paragraph);
}

/**
 * Inserts chips at the caret (or at the end when the editor has no caret) and leaves the
 * caret just after the last one, so typing continues where the person was.
 */
export function $insertChips(refIds: readonly string[]): void {
  if (refIds.length === 0) return;
  let selection = $getSelection();
  if (!$isRangeSelection(selection)) {
    $getRoot().selectEnd();
    selection = $getSelection();
  }
  if (!$isRangeSelection(selection)) return;
  const chips = refIds.map((id) => $createReferenceChipNode(id));
  selection.insertNodes(chips);
  chips[chips.length - 1]?.selectNext(0, 0);
}
