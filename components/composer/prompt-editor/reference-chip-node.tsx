import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from "lexical";
import type { JSX } from "react";
import { chipToken } from "./chip-tokens";
import { ReferenceChip } from "./reference-chip";

export type SerializedReferenceChipNode = Spread<{ refId: string }, SerializedLexicalNode>;

/**
 * An inline, atomic mention of a reference. It stores the reference's stable id, never a
 * number; its text content is the token the reference gets right now, so copying, the
 * character count and serialization all see tokens.
 */
export class ReferenceChipNode extends DecoratorNode<JSX.Element> {
  __refId: string;

  static getType(): string {
    return "reference-chip";
  }

  static clone(node: ReferenceChipNode): ReferenceChipNode {
    return new ReferenceChipNode(node.__refId, node.__key);
  }

  static importJSON(json: SerializedReferenceChipNode): ReferenceChipNode {
    return $createReferenceChipNode(json.refId);
  }

  constructor(refId: string, key?: NodeKey) {
    super(key);
    this.__refId = refId;
  }

  exportJSON(): SerializedReferenceChipNode {
    return { ...super.exportJSON(), type: "reference-chip", version: 1, refId: this.__refId };
  }

  getRefId(): string {
    return this.getLatest().__refId;
  }

  createDOM(): HTMLElement {
    const span = document.createElement("span");
    span.className = "reference-chip-host";
    span.dataset.refId = this.__refId;
    return span;
  }

  updateDOM(): false {
    return false;
  }

  /** HTML on the clipboard carries the token as plain text. */
  exportDOM(): DOMExportOutput {
    const span = document.createElement("span");
    span.textContent = this.getTextContent();
    return { element: span };
  }

  getTextContent(): string {
    return chipToken(this.__refId);
  }

  isInline(): true {
    return true;
  }

  isKeyboardSelectable(): boolean {
    return true;
  }

  decorate(): JSX.Element {
    return <ReferenceChip refId={this.__refId} nodeKey={this.getKey()} />;
  }
}

export function $createReferenceChipNode(refId: string): ReferenceChipNode {
  return $applyNodeReplacement(new ReferenceChipNode(refId));
}

export function $isReferenceChipNode(
  node: LexicalNode | null | undefined,
): node is ReferenceChipNode {
  return node instanceof ReferenceChipNode;
}
