import { useTranslations } from "next-intl";
import type { ReferenceView, ShotView } from "@/lib/gallery/detail-types";
import { shotsAsText } from "@/lib/gallery/prompt-text";
import { promptLength } from "@/lib/prompt/prompt-length";
import { CopyPromptButton } from "./copy-prompt-button";
import { DetailSection } from "./detail-section";
import { PromptWithChips } from "./prompt-with-chips";

/**
 * A custom storyboard as it was sent: each shot's prompt as chips, with its length in
 * characters (tokens written out, as the provider counts) and its seconds.
 */
export function StoryboardShots({
  shots,
  references,
}: {
  shots: ShotView[];
  references: ReferenceView[];
}) {
  const t = useTranslations("detail");
  if (shots.length === 0) return null;
  return (
    // The shots are this storyboard's prompt: "Copy prompt" copies them all, one a line.
    <DetailSection
      id="shots"
      title={t("shotsHeading", { count: shots.length })}
      action={<CopyPromptButton text={shotsAsText(shots, references, (n) => t("shot", { n }))} />}
    >
      <ol className="flex flex-col gap-2">
        {shots.map((shot) => (
          <li
            key={shot.index}
            aria-label={t("shot", { n: shot.index })}
            className="rounded-lg border border-line bg-panel p-3"
          >
            <p className="mb-1 flex gap-3 text-xs text-muted">
              <span className="font-medium text-white/80">{t("shot", { n: shot.index })}</span>
              <span>{t("shotSeconds", { seconds: Number(shot.duration) })}</span>
              <span>{t("shotChars", { chars: promptLength(shot.prompt) })}</span>
            </p>
            <PromptWithChips prompt={shot.prompt} references={references} />
          </li>
        ))}
      </ol>
    </DetailSection>
  );
}
