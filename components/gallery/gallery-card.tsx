import { useLocale, useTranslations } from "next-intl";
import { ModelBadge, SoundBadge } from "@/components/generations/model-badges";
import { PromptParts } from "@/components/generations/reference-chip";
import { StatusBadge } from "@/components/generations/status-badge";
import { MediaThumb } from "@/components/ui/media-thumb";
import { formatDateTimeIn } from "@/lib/format/date-time";
import { formatUsdIn } from "@/lib/format/usd";
import type { GenerationView } from "@/lib/generations/generation-view";
import { aspectLabel, modeLabel } from "@/lib/generations/plain-words";
import { shownCostUsd } from "@/lib/generations/shown-cost";
import { isTerminalStatus } from "@/lib/generations/status";
import { promptWithLabels } from "@/lib/prompt/reference-names";
import { GalleryCardFrame } from "./gallery-card-frame";
import { HighlightedText } from "./highlighted-text";

type Props = {
  generation: GenerationView;
  /** The detail page's address, carrying the gallery's filters for its Previous / Next. */
  href: string;
  /** The first row is above the fold: load its posters eagerly for a fast paint. */
  eager: boolean;
  /** The gallery search's words, highlighted in the prompt. */
  terms: readonly string[];
};

/**
 * One tile: a square frame with the whole picture letterboxed inside it (see gallery-grid
 * for why), which turns into a silent preview while hovered or focused. The link covers the
 * card and is its only tab stop; the checkbox and the star sit above it for the pointer and
 * are reached from the keyboard with x and f.
 *
 * No "use client": the server renders the first page's cards (only GalleryCardFrame, the
 * interactive part, ships to the browser for them); the pages after it, fetched as data,
 * render this in the browser from gallery-more-pages' lazily loaded chunk.
 */
export function GalleryCard({ generation, href, eager, terms }: Props) {
  const t = useTranslations("gallery");
  const card = useTranslations("generation");
  const words = useTranslations("words");
  const clip = useTranslations("duration");
  const locale = useLocale();
  const references = generation.references ?? [];
  const title = promptWithLabels(generation.prompt, references);
  const cost = shownCostUsd(generation);
  return (
    <GalleryCardFrame
      id={generation.id}
      href={href}
      videoUrl={generation.videoUrl}
      favorite={generation.favorite ?? false}
      cardLabel={card("cardLabel", { prompt: title.slice(0, 60) })}
      selectLabel={t("select", { title: title.slice(0, 40) })}
      thumb={
        <MediaThumb
          src={generation.posterUrl}
          width={generation.width ?? 480}
          height={generation.height ?? 270}
          loading={eager ? "eager" : "lazy"}
          fetchPriority={eager ? "high" : "auto"}
          className="h-full w-full object-contain"
          fallback={
            generation.status === "succeeded" && generation.videoUrl ? (
              // The poster follows a few seconds after the video is stored (or never, if
              // ffmpeg failed): meanwhile the video's own frame 1 s in, as the poster shows.
              <video
                src={`${generation.videoUrl}#t=1`}
                preload="metadata"
                muted
                playsInline
                tabIndex={-1}
                aria-hidden="true"
                data-poster-stand-in=""
                className="h-full w-full object-contain"
              />
            ) : (
              <span className="flex h-full items-center justify-center p-3 text-center text-xs text-muted">
                {isTerminalStatus(generation.status) ? card("noVideo") : t("beingMade")}
              </span>
            )
          }
        />
      }
      prompt={
        <PromptParts
          prompt={generation.prompt}
          references={references}
          text={(run) => <HighlightedText text={run} terms={terms} />}
        />
      }
    >
      <div className="mt-auto flex items-center justify-between gap-2 text-xs text-muted">
        <StatusBadge status={generation.status} />
        {cost !== null ? <span className="tabular-nums">{formatUsdIn(locale, cost)}</span> : null}
      </div>
      <p className="text-xs text-muted">
        {modeLabel(generation.mode, words)} · {aspectLabel(generation.aspectRatio, words)} ·{" "}
        {clip("clip", { seconds: Number(generation.duration) })}
      </p>
      <div className="flex flex-wrap gap-1">
        <ModelBadge model={generation.model} />
        <SoundBadge sound={generation.sound} />
      </div>
      <p className="text-xs text-muted">
        <time dateTime={generation.createdAt}>
          {formatDateTimeIn(locale, generation.createdAt)}
        </time>
      </p>
    </GalleryCardFrame>
  );
}
