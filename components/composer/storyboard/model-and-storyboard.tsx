"use client";

import type { SettingField } from "@/lib/composer/composer-issue";
import type { ComposerSubmission } from "@/lib/composer/submission-shape";
import type { Reference } from "@/lib/prompt/reference-types";
import type { ElementSummary } from "../prompt-editor/prompt-editor-props";
import { ModelControls } from "./model-controls";
import { ShotList } from "./shot-list";
import type { ModelControls as Controls } from "./use-model-controls";

/** The composer's pieces this needs, passed as the composer holds them. */
type Props = {
  v3: Controls;
  issues: {
    forTarget: (kind: SettingField) => string[];
    forShot: (index: number) => string[];
  };
  refs: {
    references: readonly Reference[];
    addFiles: (files: readonly File[]) => string[];
    addElement: (element: ElementSummary) => string;
  };
  library: readonly ElementSummary[];
  /** What would be sent now: the shots' prompts with tokens, for their counters. */
  submission: Pick<ComposerSubmission, "storyboard">;
  duration: string;
};

/** The composer's mount for Kling 3.0 Omni: model, sound, storyboard and its shots. */
export function ModelAndStoryboard({ v3: controls, issues, refs, ...props }: Props) {
  const forTarget = issues.forTarget;
  return (
    <>
      <ModelControls
        controls={controls}
        errors={{
          model: forTarget("model")[0],
          sound: forTarget("sound")[0],
          storyboard: forTarget("storyboard")[0],
        }}
      />
      {controls.storyboard?.shotType === "customize" ? (
        <ShotList
          controls={controls}
          references={refs.references}
          library={props.library}
          sentPrompts={props.submission.storyboard?.shots.map((s) => s.prompt) ?? []}
          issuesForShot={issues.forShot}
          duration={props.duration}
          onFiles={(files) => refs.addFiles(files)}
          onAddElement={(element) => refs.addElement(element)}
          listRef={controls.shotListRef}
        />
      ) : null}
    </>
  );
}
