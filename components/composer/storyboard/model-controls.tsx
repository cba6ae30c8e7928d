"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import { useSay } from "@/i18n/use-say";
import {
  MODEL_LABELS,
  MODELS,
  type ModelName,
  SHOT_TYPES,
  type ShotType,
  V3_MODEL,
} from "@/lib/kling-contract/models";
import { SwitchField } from "./switch-field";
import type { ModelControls as Controls } from "./use-model-controls";

const MODEL_OPTIONS = MODELS.map((m) => ({ value: m, label: MODEL_LABELS[m] }));

type Props = {
  controls: Controls;
  errors: {
    model?: string | undefined;
    sound?: string | undefined;
    storyboard?: string | undefined;
  };
};

/** "Model", the "Sound" and "Storyboard" switches, "Shot planning", and what a switch changed. */
export function ModelControls({ controls, errors }: Props) {
  const { model, storyboard } = controls;
  const t = useTranslations("composer");
  const words = useTranslations("words");
  const say = useSay();
  const planningOptions = SHOT_TYPES.map((type) => ({
    value: type,
    label: words(type === "customize" ? "shotCustomize" : "shotIntelligence"),
  }));
  const v3 = model === V3_MODEL;
  return (
    <div className="flex flex-col gap-2">
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-3">
        <SelectField
          id="model"
          label={t("model")}
          options={MODEL_OPTIONS}
          value={model}
          error={errors.model}
          onChange={(event) => controls.chooseModel(event.target.value as ModelName)}
        />
        <SwitchField
          id="sound"
          label={t("sound")}
          checked={controls.sound}
          onChange={controls.setSound}
          disabledReason={controls.soundBlocked && say(controls.soundBlocked)}
          error={errors.sound}
        />
        <SwitchField
          id="storyboard"
          label={t("storyboard")}
          checked={storyboard !== null}
          onChange={controls.setStoryboardOn}
          disabledReason={v3 ? null : t("storyboardNeeds", { v3: MODEL_LABELS[V3_MODEL] })}
          error={errors.storyboard}
        />
      </div>
      {storyboard ? (
        <div className="sm:max-w-xs">
          <SelectField
            id="shot-planning"
            label={t("shotPlanning")}
            options={planningOptions}
            value={storyboard.shotType}
            onChange={(event) => controls.setShotType(event.target.value as ShotType)}
          />
        </div>
      ) : null}
      <p role="status" className="text-xs text-amber-200 empty:hidden">
        {controls.notes.map(say).join(" ")}
      </p>
    </div>
  );
}
