"use client";

import { useTranslations } from "next-intl";
import type { DragEvent, KeyboardEvent } from "react";
import type { Reference } from "@/lib/prompt/reference-types";
import { setReferenceDragData } from "../prompt-editor/reference-drag";
import { ReferencePreview } from "./reference-preview";

export type TrayItemProps = {
  reference: Reference;
  /** "Image 2", "Element 1 (Cat)", "Video": used in every accessible name. */
  title: string;
  canMoveBack: boolean;
  canMoveForward: boolean;
  unused: boolean;
  issues: readonly string[];
  /** 0–1 while the file uploads. */
  progress?: number | undefined;
  isDropTarget: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  onVideoChange?:
    | ((patch: { referType?: "base" | "feature"; keepOriginalSound?: boolean }) => void)
    | undefined;
  onInsert?: (() => void) | undefined;
  onDragStart: () => void;
  onDragEnd: () => void;
  onDragOverItem: (event: DragEvent) => void;
  onDropOnItem: (event: DragEvent) => void;
};

const buttonClass =
  "rounded border border-line px-1.5 py-0.5 text-xs text-muted hover:text-white disabled:opacity-30";

/**
 * One of an item's small buttons. `name` is its data-control: after a move the tray puts
 * focus back on the control of that name.
 */
function control(
  name: string,
  text: string,
  label: string,
  onClick: () => void,
  { disabled }: { disabled?: boolean } = {},
) {
  return (
    <button
      type="button"
      data-control={name}
      className={buttonClass}
      disabled={disabled}
      aria-label={label}
      onClick={onClick}
    >
      {text}
    </button>
  );
}

export function ReferenceTrayItem(props: TrayItemProps) {
  const { reference: ref, title } = props;
  const t = useTranslations("composer");
  const issueId = `${ref.id}-issues`;
  const onKeyDown = (event: KeyboardEvent) => {
    // Alt+Arrow moves the item from wherever focus is inside it.
    if (!event.altKey) return;
    if (event.key === "ArrowLeft" && props.canMoveBack) props.onMove(-1);
    else if (event.key === "ArrowRight" && props.canMoveForward) props.onMove(1);
    else return;
    event.preventDefault();
  };

  return (
    <li
      data-ref-id={ref.id}
      draggable
      onDragStart={(event) => {
        setReferenceDragData(event.dataTransfer, ref.id);
        props.onDragStart();
      }}
      onDragEnd={props.onDragEnd}
      onDragOver={props.onDragOverItem}
      onDrop={props.onDropOnItem}
      onKeyDown={onKeyDown}
      aria-label={title}
      aria-describedby={props.issues.length || props.unused ? issueId : undefined}
      className={`flex min-w-0 flex-col gap-1.5 sm:w-48 rounded-lg border bg-panel-2 p-2 text-xs ${
        props.issues.length
          ? "border-red-400"
          : props.isDropTarget
            ? "border-accent-2"
            : "border-line"
      }`}
    >
      <div className="flex items-center gap-2">
        <ReferencePreview reference={ref} />
        <div className="min-w-0">
          <p className="font-semibold text-white">{title}</p>
          <p className="truncate text-muted" title={ref.name}>
            {ref.name}
          </p>
          {ref.kind === "video" && videoFacts(ref, t("secondsUnit")) ? (
            <p className="text-muted">{videoFacts(ref, t("secondsUnit"))}</p>
          ) : null}
        </div>
      </div>
      {props.progress !== undefined ? (
        <progress
          aria-label={t("uploading", { title })}
          value={props.progress}
          max={1}
          className="h-1.5 w-full accent-accent"
        />
      ) : null}
      {ref.kind === "image" && ref.frame ? (
        <p className="font-medium text-accent-2">
          {ref.frame === "first_frame" ? t("startFrame") : t("endFrame")}
        </p>
      ) : null}
      {ref.kind === "video" && props.onVideoChange ? (
        <VideoOptions title={title} reference={ref} onChange={props.onVideoChange} />
      ) : null}
      <div className="flex flex-wrap gap-1">
        {control("move-left", "←", t("moveLeft", { title }), () => props.onMove(-1), {
          disabled: !props.canMoveBack,
        })}
        {control("move-right", "→", t("moveRight", { title }), () => props.onMove(1), {
          disabled: !props.canMoveForward,
        })}
        {props.onInsert
          ? control("insert", t("insert"), t("insertLabel", { title }), props.onInsert)
          : null}
        {control("remove", t("remove"), t("removeLabel", { title }), props.onRemove)}
      </div>
      {props.issues.length || props.unused ? (
        <div id={issueId} className="flex flex-col gap-0.5">
          {props.unused ? <p className="text-amber-300">{t("notUsed")}</p> : null}
          {props.issues.map((message) => (
            <p key={message} className="text-red-300">
              {message}
            </p>
          ))}
        </div>
      ) : null}
    </li>
  );
}

function VideoOptions({
  title,
  reference,
  onChange,
}: {
  title: string;
  reference: Extract<Reference, { kind: "video" }>;
  onChange: NonNullable<TrayItemProps["onVideoChange"]>;
}) {
  const t = useTranslations("composer");
  return (
    <>
      <select
        aria-label={t("useOf", { title })}
        value={reference.referType}
        onChange={(e) => onChange({ referType: e.target.value as "base" | "feature" })}
        className="rounded border border-line bg-panel px-1 py-0.5 text-xs text-white"
      >
        <option value="feature">{t("useFeature")}</option>
        <option value="base">{t("useBase")}</option>
      </select>
      <label className="flex items-center gap-1 text-muted">
        <input
          type="checkbox"
          checked={reference.keepOriginalSound}
          onChange={(e) => onChange({ keepOriginalSound: e.target.checked })}
        />
        {t("keepSound")}
      </label>
    </>
  );
}

/** "4 s · 1280×720 · 24 fps": what decides the duration rules, once measured. */
function videoFacts(ref: Extract<Reference, { kind: "video" }>, seconds: string): string | null {
  const f = ref.facts;
  if (!f) return null;
  const parts = [
    f.durationSeconds ? `${Math.round(f.durationSeconds * 10) / 10} ${seconds}` : null,
    f.width && f.height ? `${f.width}×${f.height}` : null,
    f.fps ? `${Math.round(f.fps)} fps` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}
