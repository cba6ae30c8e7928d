"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/labelled-input";
import { MediaThumb } from "@/components/ui/media-thumb";
import { useSay } from "@/i18n/use-say";
import type { ViewUpload } from "./use-view-uploads";

type Props = {
  id: string;
  label: string;
  hint: string;
  multiple: boolean;
  views: readonly ViewUpload[];
  error: string | undefined;
  onPick: (files: File[]) => void;
};

/** A labelled image picker ("Front view", "Other views") with each upload's progress. */
export function ViewPicker({ id, label, hint, multiple, views, error, onPick }: Props) {
  const t = useTranslations("elements");
  const say = useSay();
  // The rules' messages carry catalog keys (lib/elements/element-view-rules.ts).
  const problems = [error, ...views.map((v) => v.problem && say(v.problem))].filter(Boolean);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs text-muted">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-muted">
        {hint}
      </p>
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg"
        multiple={multiple}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={problems.length > 0 ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => onPick(Array.from(event.target.files ?? []))}
        className="text-xs"
      />
      <ul className="flex flex-wrap gap-2">
        {views.map((view) => (
          <li key={view.key} className="flex items-center gap-1 text-xs text-muted">
            <MediaThumb src={view.upload?.url} className="size-8 rounded object-cover" />
            <span>{view.name}</span>
            {!view.upload && !view.problem ? (
              <progress
                max={1}
                value={view.progress}
                aria-label={t("uploadingView", { name: view.name })}
                className="h-1 w-16"
              />
            ) : null}
          </li>
        ))}
      </ul>
      <FieldError id={`${id}-error`} message={problems.join(" ")} />
    </div>
  );
}
