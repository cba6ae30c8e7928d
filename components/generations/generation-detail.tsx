"use client";

import { useTranslations } from "next-intl";
import { CopyPromptButton } from "@/components/detail/copy-prompt-button";
import { DetailActions } from "@/components/detail/detail-actions";
import { DetailNav, type DetailNavLinks } from "@/components/detail/detail-nav";
import { GenerationSettings } from "@/components/detail/generation-settings";
import { GenerationTimings } from "@/components/detail/generation-timings";
import { LineageList } from "@/components/detail/lineage-list";
import { PromptWithChips } from "@/components/detail/prompt-with-chips";
import { ReferenceList } from "@/components/detail/reference-list";
import { StoryboardShots } from "@/components/detail/storyboard-shots";
import type { GenerationDetailData } from "@/lib/gallery/detail-types";
import { promptAsText } from "@/lib/gallery/prompt-text";
import { isTerminalStatus } from "@/lib/generations/status";
import type { ShareView } from "@/lib/shares/share-types";
import { ElapsedTime } from "./elapsed-time";
import { FailureExplanation } from "./failure-explanation";
import { GenerationProgress } from "./generation-progress";
import { GenerationStatusActions } from "./generation-status-actions";
import { ModelBadge, SoundBadge } from "./model-badges";
import { StatusBadge } from "./status-badge";
import { useGenerationStatus } from "./use-generation-status";

type Props = { detail: GenerationDetailData; shares: ShareView[]; nav: DetailNavLinks };

export function GenerationDetail({ detail, shares, nav }: Props) {
  const t = useTranslations("detail");
  const { data: live } = useGenerationStatus(detail.generation);
  // The status route does not know favorites; keep the value the page was rendered with.
  const generation = { ...live, favorite: detail.generation.favorite };
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-4">
      <DetailNav {...nav} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex min-w-0 flex-col gap-4">
          {/* data-generation-id: what a toast about it must not cover (use-toast-edge). */}
          <div
            data-generation-id={generation.id}
            className="overflow-hidden rounded-xl border border-line bg-black"
          >
            {generation.videoUrl ? (
              // biome-ignore lint/a11y/useMediaCaption: generated videos have no speech to caption
              <video
                key={generation.videoUrl}
                src={generation.videoUrl}
                poster={generation.posterUrl ?? undefined}
                controls
                playsInline
                preload="metadata"
                aria-label={t("videoLabel")}
                // Its frame clips the corners; the focus ring goes inside so it is not cut.
                className="max-h-[70vh] w-full focus-visible:-outline-offset-2"
                // The stored size holds the player's place before the poster or the video's
                // header arrives, so what is below it does not jump (layout shift).
                style={
                  generation.width && generation.height
                    ? { aspectRatio: `${generation.width} / ${generation.height}` }
                    : undefined
                }
              />
            ) : (
              <div className="flex aspect-video items-center justify-center p-6 text-center text-sm text-muted">
                {isTerminalStatus(generation.status) ? t("noVideo") : t("inTheMaking")}
              </div>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <DetailActions generation={generation} shares={shares} />
            {/* Retry (and Cancel / Check again) is the pipeline's; it shows what fits the status. */}
            <GenerationStatusActions generation={generation} size="page" />
          </div>
          {/* A custom storyboard sends its shots instead of a prompt: they take its place. */}
          {detail.shots.length === 0 ? (
            <section aria-labelledby="prompt-heading" className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 id="prompt-heading" className="text-xs uppercase tracking-wide text-muted">
                  {t("prompt")}
                </h2>
                <CopyPromptButton text={promptAsText(generation.prompt, detail.references)} />
              </div>
              <PromptWithChips prompt={generation.prompt} references={detail.references} />
            </section>
          ) : (
            <StoryboardShots shots={detail.shots} references={detail.references} />
          )}
          <ReferenceList references={detail.references} />
        </div>
        <aside className="flex flex-col gap-4 text-sm">
          <div data-generation-id={generation.id} className="flex items-center gap-2">
            <StatusBadge status={generation.status} />
            <ModelBadge model={generation.model} />
            <SoundBadge sound={generation.sound} />
            <span className="text-muted">
              <ElapsedTime from={generation.createdAt} until={generation.finishedAt} />
            </span>
          </div>
          <GenerationProgress generation={generation} />
          {generation.errorMessage ? (
            <p
              role="alert"
              className="rounded-md border border-red-500/30 bg-red-500/10 p-3 text-red-200"
            >
              <FailureExplanation generation={generation} />
            </p>
          ) : null}
          <GenerationSettings generation={generation} />
          <GenerationTimings generation={generation} />
          <LineageList
            parent={detail.parent}
            parentKind={generation.parentKind}
            items={detail.children}
          />
        </aside>
      </div>
    </div>
  );
}
