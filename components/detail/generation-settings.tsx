import { useLocale, useTranslations } from "next-intl";
import { formatUsd } from "@/lib/generations/estimate-cost";
import type { GenerationView } from "@/lib/generations/generation-view";
import { aspectLabel, modeLabel } from "@/lib/generations/plain-words";
import { shownCostUsd } from "@/lib/generations/shown-cost";
import { MODEL_LABELS, type ShotType } from "@/lib/kling-contract/models";
import { DetailSection } from "./detail-section";

/** The recipe's settings in plain words; ids for support live behind "Technical details". */
export function GenerationSettings({ generation }: { generation: GenerationView }) {
  const t = useTranslations("detail");
  const words = useTranslations("words");
  const duration = useTranslations("duration");
  const locale = useLocale();
  const cost = shownCostUsd(generation);
  const rows: [string, string][] = [
    [t("model"), MODEL_LABELS[generation.model]],
    [t("mode"), modeLabel(generation.mode, words)],
    [t("aspectRatio"), aspectLabel(generation.aspectRatio, words)],
    // The measured length is shown to a tenth of a second; the requested one is whole seconds.
    [
      t("duration"),
      generation.durationSeconds !== null
        ? duration("clipMeasured", { seconds: generation.durationSeconds })
        : duration("clip", { seconds: Number(generation.duration) }),
    ],
  ];
  if (generation.sound)
    rows.push([t("sound"), words(generation.sound === "on" ? "soundOn" : "soundOff")]);
  if (generation.shotType)
    rows.push([t("storyboard"), words(SHOT_TYPE_WORDS[generation.shotType])]);
  if (generation.width && generation.height) {
    rows.push([t("size"), `${generation.width}×${generation.height}`]);
  }
  // A failed or canceled task is not billed: no cost line at all.
  if (cost !== null) rows.push([t("estimatedCost"), formatUsd(cost, locale)]);
  return (
    <DetailSection id="settings" title={t("settings")}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <details className="text-xs text-muted">
        <summary className="cursor-pointer hover:text-white">{t("technicalDetails")}</summary>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt>{t("generationId")}</dt>
          <dd className="font-mono break-all">{generation.id}</dd>
          <dt>{t("providerTask")}</dt>
          <dd className="font-mono break-all">{generation.providerTaskId ?? "—"}</dd>
        </dl>
      </details>
    </DetailSection>
  );
}

const SHOT_TYPE_WORDS = {
  customize: "shotCustomize",
  intelligence: "shotIntelligence",
} as const satisfies Record<ShotType, string>;
