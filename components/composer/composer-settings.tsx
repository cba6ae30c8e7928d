"use client";

import { useTranslations } from "next-intl";
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
      <div className="flex flex-col gap-1">
        <SelectField
          // Remounted when the mode changes, so the form's stored value shows again.
          key={aspectSetBy ? "set-by-references" : "chosen"}
          id="aspectRatio"
          label={t("aspectRatio")}
          options={
            aspectSetBy
              ? [{ value: "from-references", label: t("aspectFrom", { by: aspectSetBy }) }]
              : aspectOptions
          }
          error={aspectSetBy ? undefined : errorFor("aspectRatio")}
          disabled={aspectSetBy !== null}
          aria-describedby={aspectSetBy ? "aspect-note" : undefined}
          // While a reference sets the shape the chosen ratio is kept (not shown, not sent).
          {...(aspectSetBy
            ? { value: "from-references", onChange: () => undefined }
            : register("aspectRatio"))}
        />
        {aspectSetBy ? (
          <p id="aspect-note" className="text-xs text-muted">
            {t("aspectKept", { by: aspectSetBy })}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1">
        <SelectField
          key={follows ? "follows-video" : "chosen"}
          id="duration"
          label={t("duration")}
          options={
            follows
              ? [
                  {
                    value: "follow",
                    label: videoSeconds
                      ? t("followsVideoSeconds", { seconds: Math.round(videoSeconds) })
                      : t("followsVideo"),
                  },
                ]
              : durations.map((d) => ({ value: d, label: t("seconds", { seconds: Number(d) }) }))
          }
          error={follows ? undefined : errorFor("duration")}
          disabled={follows}
          aria-describedby={follows ? "duration-note" : undefined}
          {...(follows ? { value: "follow", onChange: () => undefined } : register("duration"))}
        />
        {follows ? (
          <p id="duration-note" className="text-xs text-muted">
            {t("editingKeepsLength")}
          </p>
        ) : durationRule.kind === "choices" ? (
          <p className="text-xs text-muted">
            {t("choicesNote", {
              why: durationRule.reason === "first-frame" ? "startFrame" : "textOnly",
            })}
          </p>
        ) : null}
      </div>
    </div>
  );
}
