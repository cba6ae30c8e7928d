"use client";

import type { UseFormRegister } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import type { DurationRule } from "@/lib/composer/setting-rules";
import { ASPECT_RATIOS, DURATIONS, MODE_LABELS, MODES } from "@/lib/generations/limits";

export type SettingsValues = {
  mode: (typeof MODES)[number];
  aspectRatio: (typeof ASPECT_RATIOS)[number];
  duration: (typeof DURATIONS)[number];
  sendUnused: boolean;
};

const modeOptions = MODES.map((mode) => ({ value: mode, label: MODE_LABELS[mode] }));
const aspectOptions = ASPECT_RATIOS.map((ratio) => ({ value: ratio, label: ratio }));

type Props = {
  register: UseFormRegister<SettingsValues>;
  durationRule: DurationRule;
  /** Seconds of the base video, when the duration follows it. */
  videoSeconds: number | undefined;
  /** Why the aspect ratio does not apply (a first frame or a base video sets it), if so. */
  aspectSetBy: string | null;
  errors: {
    mode?: string | undefined;
    aspectRatio?: string | undefined;
    duration?: string | undefined;
  };
};

/** Mode, aspect ratio and duration, each explaining itself when the references decide it. */
export function ComposerSettings({
  register,
  durationRule,
  videoSeconds,
  aspectSetBy,
  errors,
}: Props) {
  const follows = durationRule.kind === "follows-video";
  const durations = durationRule.kind === "choices" ? durationRule.options : DURATIONS;
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      <SelectField
        id="mode"
        label="Mode"
        options={modeOptions}
        error={errors.mode}
        {...register("mode")}
      />
      <div className="flex flex-col gap-1">
        <SelectField
          // Remounted when the mode changes, so the form's stored value shows again.
          key={aspectSetBy ? "set-by-references" : "chosen"}
          id="aspectRatio"
          label="Aspect ratio"
          options={
            aspectSetBy
              ? [{ value: "from-references", label: `From ${aspectSetBy}` }]
              : aspectOptions
          }
          error={aspectSetBy ? undefined : errors.aspectRatio}
          disabled={aspectSetBy !== null}
          aria-describedby={aspectSetBy ? "aspect-note" : undefined}
          // While a reference sets the shape the chosen ratio is kept (not shown, not sent).
          {...(aspectSetBy
            ? { value: "from-references", onChange: () => undefined }
            : register("aspectRatio"))}
        />
        {aspectSetBy ? (
          <p id="aspect-note" className="text-xs text-muted">
            The shape of {aspectSetBy} is kept; no aspect ratio is sent.
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1">
        <SelectField
          key={follows ? "follows-video" : "chosen"}
          id="duration"
          label="Duration"
          options={
            follows
              ? [
                  {
                    value: "follow",
                    label: `Follows the video${videoSeconds ? ` (${Math.round(videoSeconds)} s)` : ""}`,
                  },
                ]
              : durations.map((d) => ({ value: d, label: `${d} s` }))
          }
          error={follows ? undefined : errors.duration}
          disabled={follows}
          aria-describedby={follows ? "duration-note" : undefined}
          {...(follows ? { value: "follow", onChange: () => undefined } : register("duration"))}
        />
        {follows ? (
          <p id="duration-note" className="text-xs text-muted">
            Editing a video keeps its length.
          </p>
        ) : durationRule.kind === "choices" ? (
          <p className="text-xs text-muted">
            {durationRule.reason === "first-frame" ? "With a first frame" : "Text-only"}: 5 or 10 s.
          </p>
        ) : null}
      </div>
    </div>
  );
}
