"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ModelBadge, SoundBadge } from "@/components/generations/model-badges";
import { PromptParts } from "@/components/generations/reference-chip";
import { StatusBadge } from "@/components/generations/status-badge";
import { MediaThumb } from "@/components/ui/media-thumb";
import { formatDateTimeIn } from "@/lib/format/date-time";
import { formatUsdIn } from "@/lib/format/usd";
import type { GenerationView } from "@/lib/generations/generation-view";
import { aspectLabel, modeLabel } from "@/lib/generations/plain-words";
import { shownCostUsd } from "@/lib/generations/shown-cost";
import { promptWithLabels } from "@/lib/prompt/reference-names";
import { FavoriteButton } from "./favorite-button";
import { HighlightedText } from "./highlighted-text";

type Props = {
  generation: GenerationView;
  /** The detail page's address, carrying the gallery's filters for its Previous / Next. */
  href: string;
  selected: boolean;
  /** Some card is selected: every card shows its checkbox. */
  selecting: boolean;
  onSelect: (id: string, selected: boolean) => void;
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
 */
export function GalleryCard(props: Props) {
  const { generation, href, selected, selecting, onSelect, eager, terms } = props;
  const t = useTranslations("gallery");
  const card = useTranslations("generation");
  const words = useTranslations("words");
  const clip = useTranslations("duration");
  const locale = useLocale();
  const [previewing, setPreviewing] = useState(false);
  const references = generation.references ?? [];
  const title = promptWithLabels(generation.prompt, references);
  const cost = shownCostUsd(generation);
  const start = () => setPreviewing(Boolean(generation.videoUrl));
  const stop = () => setPreviewing(false);
  const reveal = selected || selecting ? "opacity-100" : "opacity-0";
  return (
    <article
      aria-label={card("cardLabel", { prompt: title.slice(0, 60) })}
      data-generation-id={generation.id}
      onMouseEnter={start}
      onMouseLeave={stop}
      className={`group relative flex h-full flex-col rounded-xl border bg-panel has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-accent-2 ${selected ? "border-accent ring-1 ring-accent" : "border-line"}`}
    >
      <div className="relative aspect-square overflow-hidden rounded-t-xl bg-black/40">
        <MediaThumb
          src={generation.posterUrl}
          width={generation.width ?? 480}
          height={generation.height ?? 270}
          loading={eager ? "eager" : "lazy"}
          fetchPriority={eager ? "high" : "auto"}
          className="h-full w-full object-contain"
          fallback={
            <span className="flex h-full items-center justify-center p-3 text-center text-xs text-muted">
              {generation.status === "succeeded"
                ? t("noPoster")
                : ["failed", "canceled"].includes(generation.status)
                  ? card("noVideo")
                  : t("beingMade")}
            </span>
          }
        />
        {previewing && generation.videoUrl ? (
          // The preview repeats the poster in motion: nothing for a screen reader to add.
          <div aria-hidden="true" className="absolute inset-0">
            <video
              src={generation.videoUrl}
              muted
              autoPlay
              loop
              playsInline
              tabIndex={-1}
              data-preview=""
              className="h-full w-full object-contain"
            />
          </div>
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1.5 p-3">
        <p className="line-clamp-2 text-sm text-white/90">
          <Link
            href={href}
            data-card-link=""
            onFocus={start}
            onBlur={stop}
            className="outline-none after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
          >
            <PromptParts
              prompt={generation.prompt}
              references={references}
              text={(run) => <HighlightedText text={run} terms={terms} />}
            />
          </Link>
        </p>
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
      </div>
      <label
        className={`absolute top-0 left-0 z-10 flex size-11 cursor-pointer items-center justify-center rounded-tl-xl transition-opacity group-hover:opacity-100 focus-within:opacity-100 pointer-coarse:opacity-100 ${reveal}`}
      >
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          data-select-toggle=""
          onChange={(event) => onSelect(generation.id, event.target.checked)}
          aria-label={t("select", { title: title.slice(0, 40) })}
          className="size-5 cursor-pointer accent-violet-500"
        />
      </label>
      <FavoriteButton
        id={generation.id}
        initial={generation.favorite ?? false}
        tabIndex={-1}
        className="absolute top-0 right-0 z-10 bg-black/40 backdrop-blur-sm"
      />
    </article>
  );
}
