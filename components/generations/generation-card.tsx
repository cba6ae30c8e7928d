"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { NotifyWhenDoneButton } from "@/components/notifications/notify-when-done-button";
import { MediaThumb } from "@/components/ui/media-thumb";
import type { GenerationView } from "@/lib/generations/generation-view";
import { aspectLabel, modeLabel } from "@/lib/generations/plain-words";
import { isTerminalStatus } from "@/lib/generations/status";
import { promptWithNames } from "@/lib/prompt/reference-names";
import { ElapsedTime } from "./elapsed-time";
import { FailureExplanation } from "./failure-explanation";
import { GenerationProgress } from "./generation-progress";
import { GenerationStatusActions } from "./generation-status-actions";
import { ModelBadge, SoundBadge } from "./model-badges";
import { StatusBadge } from "./status-badge";
import { useGenerationStatus } from "./use-generation-status";

/** One generation as it moves through its life; polls until it settles. */
export function GenerationCard({ initial }: { initial: GenerationView }) {
  const { data: generation } = useGenerationStatus(initial);
  const running = !isTerminalStatus(generation.status);
  const t = useTranslations("generation");
  const words = useTranslations("words");
  const duration = useTranslations("duration");
  // Tokens named as the chips name them, in the reader's language ("Image 1" / "이미지 1").
  const prompt = promptWithNames(generation.prompt, (kind, n) =>
    words("referenceName", { kind, n }),
  );
  return (
    <article
      aria-label={t("cardLabel", { prompt: prompt.slice(0, 60) })}
      data-generation-id={generation.id}
      className="flex flex-col rounded-xl border border-line bg-panel"
    >
      {/* The link clips its own corners, so nothing clips its focus ring. */}
      <Link
        href={`/generations/${generation.id}`}
        className="relative block aspect-video overflow-hidden rounded-t-xl bg-panel-2"
      >
        <MediaThumb
          src={generation.posterUrl}
          className="h-full w-full object-cover"
          fallback={
            generation.videoUrl ? (
              // Stored, poster still being made: the video's own frame 1 s in (as the poster will be).
              <video
                src={`${generation.videoUrl}#t=1`}
                muted
                playsInline
                preload="metadata"
                aria-hidden="true"
                tabIndex={-1}
                className="h-full w-full object-cover"
              />
            ) : (
              <div className="flex h-full items-center justify-center text-xs text-muted">
                {running ? t("rendering") : t("noVideo")}
              </div>
            )
          }
        />
        <span className="sr-only">{t("openDetails")}</span>
      </Link>
      <div className="flex flex-col gap-2 p-3">
        <div className="flex items-center justify-between gap-2 text-xs text-muted">
          <StatusBadge status={generation.status} />
          <span>
            {modeLabel(generation.mode, words)} · {aspectLabel(generation.aspectRatio, words)} ·{" "}
            {duration("clip", { seconds: Number(generation.duration) })} ·{" "}
            <ElapsedTime from={generation.createdAt} until={generation.finishedAt} />
          </span>
        </div>
        <p className="line-clamp-2 text-sm text-white/90">{prompt}</p>
        <div className="flex flex-wrap gap-1">
          <ModelBadge model={generation.model} />
          <SoundBadge sound={generation.sound} />
        </div>
        <GenerationProgress generation={generation} />
        {generation.errorMessage && generation.status !== "uncertain" ? (
          <p
            role={generation.status === "failed" ? "alert" : "status"}
            className="text-xs text-red-300"
          >
            <FailureExplanation generation={generation} />
          </p>
        ) : null}
        {running && generation.status !== "uncertain" ? <NotifyWhenDoneButton /> : null}
        <GenerationStatusActions generation={generation} />
      </div>
    </article>
  );
}
