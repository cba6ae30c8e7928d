"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { UseFormRegister } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { type DurationRule, durationOptions } from "@/lib/composer/setting-rules";
import { ASPECT_RATIOS, type DURATIONS, MODES } from "@/lib/kling-contract/limits";

export type SettingsValues = {
  mode: (typeof MODES)[number];
  aspectRatio: (typeof ASPECT_RATIOS)[number];
  duration: (typeof DURATIONS)[number];
  sendUnused: boolean;
  takes: number;
};

const aspectOptions = ASPECT_RATIOS.map((ratio) => ({ value: ratio, label: ratio }));

type Props = {
  register: UseFormRegister<SettingsValues>;
  durationRule: DurationRule;
  /** Seconds of the base video, when the duration follows it. */
  videoSeconds: number | undefined;
  /** What sets the shape instead of the aspect ratio (a start frame or a base video), if so. */
  aspectSetBy: "startFrame" | "baseVideo" | null;
  /** The first rule or server message about a setting, if any. */
  errorFor: (field: "mode" | "aspectRatio" | "duration") => string | undefined;
};

/** Mode, aspect ratio and duration, each explaining itself when the references decide it. */
export function ComposerSettings({
  register,
  durationRule,
  videoSeconds,
  aspectSetBy,
  errorFor,
}: Props) {
  const t = useTranslations("composer");
  const words = useTranslations("words");
  const modeOptions = MODES.map((mode) => ({
    value: mode,
    label: words(mode === "std" ? "modeStd" : "modePro"),
  }));
  const follows = durationRule.kind === "follows-video";
  const durations = durationOptions(durationRule);
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      <SelectField
        id="mode"
        label={t("mode")}
        options={modeOptions}
        error={errorFor("mode")}
        {...register("mode")}
      />
      <DecidableSelect
        id="aspectRatio"
        noteId="aspect-note"
        label={t("aspectRatio")}
        options={aspectOptions}
        error={errorFor("aspectRatio")}
        field={() => register("aspectRatio")}
        decided={
          aspectSetBy && {
            value: "from-references",
            label: t("aspectFrom", { by: aspectSetBy }),
            note: t("aspectKept", { by: aspectSetBy }),
          }
        }
      />
      <DecidableSelect
        id="duration"
        noteId="duration-note"
        label={t("duration")}
        options={durations.map((d) => ({ value: d, label: t("seconds", { seconds: Number(d) }) }))}
        error={errorFor("duration")}
        field={() => register("duration")}
        decided={
          follows && {
            value: "follow",
            label: videoSeconds
              ? t("followsVideoSeconds", { seconds: Math.round(videoSeconds) })
              : t("followsVideo"),
            note: t("editingKeepsLength"),
          }
        }
      >
        {durationRule.kind === "choices" ? (
          <p className="text-xs text-muted">
            {t("choicesNote", {
              why: durationRule.reason === "first-frame" ? "startFrame" : "textOnly",
            })}
          </p>
        ) : null}
      </DecidableSelect>
    </div>
  );
}

/**
 * A setting the references may decide. Then it shows their one option, disabled and
 * described by `note`, while the form keeps the chosen value (not shown, not sent); it is
 * remounted on the switch, so the form's stored value shows again afterwards. `children`
 * is a note shown while the person chooses.
 */
function DecidableSelect(props: {
  id: "aspectRatio" | "duration";
  noteId: string;
  label: string;
  options: { value: string; label: string }[];
  error: string | undefined;
  /** Registers the select with the form; called only while the person chooses. */
  field: () => ReturnType<UseFormRegister<SettingsValues>>;
  decided: { value: string; label: string; note: string } | false | null;
  children?: ReactNode;
}) {
  const { decided, noteId } = props;
  return (
    <div className="flex flex-col gap-1">
      <SelectField
        key={decided ? "decided" : "chosen"}
        id={props.id}
        label={props.label}
        options={decided ? [{ value: decided.value, label: decided.label }] : props.options}
        error={decided ? undefined : props.error}
        disabled={Boolean(decided)}
        aria-describedby={decided ? noteId : undefined}
        {...(decided ? { value: decided.value, onChange: () => undefined } : props.field())}
      />
      {decided ? (
        <p id={noteId} className="text-xs text-muted">
          {decided.note}
        </p>
      ) : (
        props.children
      )}
    </div>
  );
}
