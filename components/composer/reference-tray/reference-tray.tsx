"use client";

import { useTranslations } from "next-intl";
import { type DragEvent, useEffect, useRef, useState } from "react";
import { useSay } from "@/i18n/use-say";
import {
  moveReference,
  moveReferenceTo,
  referencesOfKind,
  referenceTitle,
} from "@/lib/prompt/reference-list";
import type { Reference, ReferenceKind } from "@/lib/prompt/reference-types";
import { getReferenceDragData } from "../prompt-editor/reference-drag";
import { ReferenceTrayItem, type TrayItemProps } from "./reference-tray-item";

export type ReferenceTrayProps = {
  references: readonly Reference[];
  /** The whole list in its new order (moves stay within a kind). */
  onReorder: (next: Reference[]) => void;
  onRemove: (refId: string) => void;
  onVideoChange?: (
    refId: string,
    patch: { referType?: "base" | "feature"; keepOriginalSound?: boolean },
  ) => void;
  /** Keyboard way to place a chip (the mouse way is dragging the item into the text). */
  onInsert?: (refId: string) => void;
  /** Messages per reference id, e.g. from issuesForReference(). */
  issuesFor?: (refId: string) => readonly string[];
  /** References no chip mentions. */
  unusedIds?: ReadonlySet<string>;
  /** Upload progress (0–1) of a reference still uploading; undefined once done. */
  progressFor?: (refId: string) => number | undefined;
};

const GROUPS = [
  { kind: "image", heading: "groupImages" },
  { kind: "element", heading: "groupElements" },
  { kind: "video", heading: "groupVideo" },
] as const satisfies readonly { kind: ReferenceKind; heading: string }[];
const NO_ISSUES: readonly string[] = [];

/** Every reference with its thumbnail: reorder (drag or keyboard), remove, insert. */
export function ReferenceTray(props: ReferenceTrayProps) {
  const { references } = props;
  const t = useTranslations("composer");
  const say = useSay();
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  // After a move or removal, where focus goes once React has re-rendered.
  const pendingFocus = useRef<{ refId: string; control: string } | "tray" | null>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const root = rootRef.current;
    if (target === "tray") return root?.focus();
    const item = root?.querySelector<HTMLElement>(`[data-ref-id="${target.refId}"]`);
    const buttons = Array.from(item?.querySelectorAll<HTMLButtonElement>("button") ?? []);
    const match = buttons.find((b) => b.dataset.control === target.control && !b.disabled);
    // A move to either end disables its own button; the other move button takes focus.
    (
      match ??
      buttons.find((b) => b.dataset.control?.startsWith("move") && !b.disabled) ??
      buttons[0]
    )?.focus();
  });

  const remove = (refId: string) => {
    const ref = references.find((r) => r.id === refId);
    const siblings = ref ? referencesOfKind(references, ref.kind) : [];
    const index = siblings.findIndex((r) => r.id === refId);
    const neighbour =
      siblings[index + 1] ?? siblings[index - 1] ?? references.find((r) => r.id !== refId);
    pendingFocus.current = neighbour ? { refId: neighbour.id, control: "remove" } : "tray";
    props.onRemove(refId);
  };

  const itemProps = (ref: Reference, index: number, count: number): TrayItemProps => ({
    reference: ref,
    title: say(referenceTitle(references, ref.id)),
    canMoveBack: index > 0,
    canMoveForward: index < count - 1,
    unused: props.unusedIds?.has(ref.id) ?? false,
    issues: props.issuesFor?.(ref.id) ?? NO_ISSUES,
    progress: props.progressFor?.(ref.id),
    isDropTarget: dropTarget === ref.id,
    onMove: (direction) => {
      pendingFocus.current = { refId: ref.id, control: direction < 0 ? "move-left" : "move-right" };
      props.onReorder(moveReference(references, ref.id, direction));
    },
    onRemove: () => remove(ref.id),
    onVideoChange: props.onVideoChange
      ? (patch) => props.onVideoChange?.(ref.id, patch)
      : undefined,
    onInsert: props.onInsert ? () => props.onInsert?.(ref.id) : undefined,
    onDragStart: () => setDragging(ref.id),
    onDragEnd: () => {
      setDragging(null);
      setDropTarget(null);
    },
    onDragOverItem: (event: DragEvent) => {
      const source = references.find((r) => r.id === dragging);
      if (!source || source.kind !== ref.kind || source.id === ref.id) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      setDropTarget(ref.id);
    },
    onDropOnItem: (event: DragEvent) => {
      const sourceId = getReferenceDragData(event.dataTransfer) ?? dragging;
      setDragging(null);
      setDropTarget(null);
      if (!sourceId) return;
      event.preventDefault();
      props.onReorder(moveReferenceTo(references, sourceId, ref.id));
    },
  });

  return (
    <section
      ref={rootRef}
      tabIndex={-1}
      aria-label={t("references")}
      className="flex flex-col gap-2 outline-none"
    >
      {references.length === 0 ? <p className="text-xs text-muted">{t("noReferences")}</p> : null}
      {GROUPS.map(({ kind, heading: headingKey }) => {
        const heading = t(headingKey);
        const items = referencesOfKind(references, kind);
        if (items.length === 0) return null;
        return (
          <div key={kind} className="flex flex-col gap-1">
            <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{heading}</h3>
            {/* Two columns on a phone; cards side by side from the small breakpoint up. */}
            <ul aria-label={heading} className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
              {items.map((ref, index) => (
                <ReferenceTrayItem key={ref.id} {...itemProps(ref, index, items.length)} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
