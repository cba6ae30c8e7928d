"use client";

import { useTranslations } from "next-intl";
import { createRef, type Ref, type RefObject, useImperativeHandle, useRef } from "react";
import { MAX_SHOTS } from "@/lib/kling-contract/models";
import { promptLength } from "@/lib/prompt/prompt-length";
import type { Reference } from "@/lib/prompt/reference-types";
import type { PromptEditorHandle } from "../prompt-editor/prompt-editor-lazy";
import type { ElementSummary } from "../prompt-editor/prompt-editor-props";
import { ShotEditor } from "./shot-editor";
import { totalSeconds } from "./shot-list-state";
import type { ModelControls } from "./use-model-controls";

/** Where the add bar's chips go while shots replace the prompt: the shot last worked in. */
export type ShotListHandle = Pick<PromptEditorHandle, "insertReferences">;

type Props = {
  controls: ModelControls;
  references: readonly Reference[];
  library: readonly ElementSummary[];
  /** The shots' prompts as they would be sent, in order. */
  sentPrompts: readonly string[];
  issuesForShot: (index: number) => string[];
  duration: string;
  onFiles: (files: File[]) => string[];
  onAddElement: (element: ElementSummary) => string;
  listRef: Ref<ShotListHandle>;
};

/** The custom storyboard: 1–6 shots, their total against the video's duration, "Add shot". */
export function ShotList(props: Props) {
  const { controls } = props;
  const t = useTranslations("composer");
  const shots = controls.storyboard?.shots ?? [];
  const editors = useRef(new Map<string, RefObject<PromptEditorHandle | null>>());
  const lastFocused = useRef<string | null>(null);
  const editorFor = (id: string) => {
    let ref = editors.current.get(id);
    if (!ref) {
      ref = createRef<PromptEditorHandle>();
      editors.current.set(id, ref);
    }
    return ref;
  };
  useImperativeHandle(props.listRef, () => ({
    insertReferences(ids, options) {
      const id = shots.some((s) => s.id === lastFocused.current)
        ? lastFocused.current
        : shots.at(-1)?.id;
      if (id) editorFor(id).current?.insertReferences(ids, options);
    },
  }));
  const total = totalSeconds(shots);
  return (
    <section aria-labelledby="shots-title" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="shots-title" className="text-xs font-medium uppercase tracking-wide text-muted">
          {t("shots")}
        </h3>
        <p
          className={`text-xs ${String(total) === props.duration ? "text-muted" : "text-red-300"}`}
        >
          {t("shotsTotal", { total, duration: Number(props.duration) })}
        </p>
      </div>
      <p className="text-xs text-muted">{t("shotsReplacePrompt")}</p>
      <ol className="flex flex-col gap-2">
        {shots.map((shot, index) => (
          <ShotEditor
            key={shot.id}
            shot={shot}
            index={index}
            count={shots.length}
            references={props.references}
            library={props.library}
            sentLength={promptLength(props.sentPrompts[index] ?? "")}
            errors={props.issuesForShot(index)}
            editorRef={editorFor(shot.id)}
            onChange={(segments) => controls.setShotSegments(shot.id, segments)}
            onDuration={(seconds) => controls.setShotDuration(shot.id, seconds)}
            onRemove={() => controls.removeShot(index)}
            onMove={controls.moveShot}
            onFiles={props.onFiles}
            onAddElement={props.onAddElement}
            onFocus={() => {
              lastFocused.current = shot.id;
            }}
          />
        ))}
      </ol>
      <div>
        <button
          type="button"
          onClick={controls.addShot}
          disabled={shots.length >= MAX_SHOTS}
          className="rounded-md border border-line px-3 py-1.5 text-sm text-white hover:bg-panel-2 disabled:opacity-40"
        >
          {t("addShot")}
        </button>
      </div>
    </section>
  );
}
