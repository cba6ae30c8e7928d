import { useTranslations } from "next-intl";
import { MODEL_LABELS } from "@/lib/kling-contract/model-labels";
import type { ModelName } from "@/lib/kling-contract/models";

/** Which model made it; shown on cards, the detail page and (as HTML) the share page. */
export function ModelBadge({ model }: { model: ModelName }) {
  return (
    <span
      data-model={model}
      className="inline-flex items-center rounded-full border border-line px-2 py-0.5 text-xs text-white/80"
    >
      {MODEL_LABELS[model]}
    </span>
  );
}

/** Only for a video made with native sound. */
export function SoundBadge({ sound }: { sound: "on" | "off" | null }) {
  const words = useTranslations("words");
  if (sound !== "on") return null;
  return (
    <span
      data-sound="on"
      className="inline-flex items-center gap-1 rounded-full border border-teal-500/40 bg-teal-500/10 px-2 py-0.5 text-xs text-teal-200"
    >
      <span aria-hidden="true">♪</span> {words("withSound")}
    </span>
  );
}
