"use client";

import { useTranslations } from "next-intl";
import { type DragEvent, useState } from "react";
import { MAX_SECONDS, MAX_SHOT_PROMPT_CHARS, V3_MODEL } from "@/lib/kling-contract/models";
import {
  CountedPromptEditor,
  type CountedPromptEditorProps,
} from "../prompt-editor/counted-prompt-editor";
import type { ShotDraft } from "./shot-list-state";

/** The drag payload of a shot being moved by mouse; files and references use other types. */
export const SHOT_DRAG_TYPE = "application/x-omni-shot";

type Props = Omit<CountedPromptEditorProps, "idBase" | "placeholder" | "max" | "initialValue"> & {
  shot: ShotDraft;
  index: number;
  count: number;
  onDuration: (seconds: string) => void;
  onRemove: () => void;
  /** Moves the shot at `from` to place `to` (0-based). */
  onMove: (from: number, to: number) => void;
  onFocus: () => void;
};

/**
 * One shot: its own chip editor (the main prompt's Lexical setup: drop, paste, @), its
 * length against the 512 a shot takes, its seconds, and controls to move or remove it.
 * Moving works by the buttons (keyboard) or by dragging the handle (mouse).
 */
export function ShotEditor(props: Props) {
  const { shot, index, count, onDuration, onRemove, onMove, onFocus, ...editor } = props;
  const n = index + 1;
  const t = useTranslations("composer");
  const [dropTarget, setDropTarget] = useState(false);
  const isShotDrag = (event: DragEvent) => event.dataTransfer.types.includes(SHOT_DRAG_TYPE);
  const button =
    "rounded-md border border-line px-2 py-1 text-xs text-white/80 hover:bg-panel-2 disabled:opacity-40";
  return (
    <li
      aria-label={t("shot", { n })}
      onFocus={onFocus}
      onDragOver={(event) => {
        if (!isShotDrag(event)) return;
        event.preventDefault();
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={(event) => {
        if (!isShotDrag(event)) return;
        event.preventDefault();
        setDropTarget(false);
        const from = Number(event.dataTransfer.getData(SHOT_DRAG_TYPE));
        if (Number.isInteger(from) && from !== index) onMove(from, index);
      }}
      data-shot-index={index}
      className={`flex flex-col gap-2 rounded-lg border bg-panel p-3 ${dropTarget ? "border-accent" : "border-line"}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span
          aria-hidden="true"
          draggable
          onDragStart={(event) => {
            event.dataTransfer.setData(SHOT_DRAG_TYPE, String(index));
            event.dataTransfer.effectAllowed = "move";
          }}
          title={t("dragShot")}
          className="cursor-grab select-none px-1 text-muted"
        >
          ⠿
        </span>
        <span id={`${shot.id}-label`} className="text-sm font-medium text-white">
          {t("shot", { n })}
        </span>
        <span className="ml-auto flex gap-1">
          <button
            type="button"
            className={button}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
            aria-label={t("moveShotEarlier", { n })}
          >
            ↑
          </button>
          <button
            type="button"
            className={button}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
            aria-label={t("moveShotLater", { n })}
          >
            ↓
          </button>
          <button
            type="button"
            className={button}
            disabled={count <= 1}
            onClick={onRemove}
            aria-label={t("removeShot", { n })}
          >
            {t("remove")}
          </button>
        </span>
      </div>
      <CountedPromptEditor
        {...editor}
        idBase={shot.id}
        initialValue={shot.segments}
        placeholder={t("shotPlaceholder", { n })}
        max={MAX_SHOT_PROMPT_CHARS}
      />
      <div className="flex items-center gap-2 text-xs text-muted">
        <label htmlFor={`${shot.id}-duration`}>{t("shotDuration", { n })}</label>
        <input
          id={`${shot.id}-duration`}
          type="number"
          min={1}
          max={MAX_SECONDS[V3_MODEL]}
          step={1}
          value={shot.duration}
          onChange={(event) => onDuration(event.target.value)}
          className="w-16 rounded-md border border-line bg-panel-2 px-2 py-1 text-sm text-white"
        />
        <span aria-hidden="true">{t("secondsUnit")}</span>
      </div>
    </li>
  );
}
