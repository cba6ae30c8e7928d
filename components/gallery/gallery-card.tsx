"use client";

import Link from "next/link";
import { useState } from "react";
import { StatusBadge } from "@/components/generations/status-badge";
import { formatUsd } from "@/lib/generations/estimate-cost";
import type { GenerationView } from "@/lib/generations/generation-view";
import { plainPrompt } from "@/lib/prompt/prompt-tokens";
import { FavoriteButton } from "./favorite-button";

type Props = {
  generation: GenerationView;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  /** The first row is above the fold: load its posters eagerly for a fast paint. */
  eager: boolean;
};

/** A poster that turns into a muted preview while hovered or focused. */
export function GalleryCard({ generation, selected, onSelect, eager }: Props) {
  const [previewing, setPreviewing] = useState(false);
  const title = plainPrompt(generation.prompt);
  const start = () => setPreviewing(Boolean(generation.videoUrl));
  const stop = () => setPreviewing(false);
  return (
    <article
      aria-label={`Generation: ${title.slice(0, 60)}`}
      data-generation-id={generation.id}
      className={`flex flex-col overflow-hidden rounded-xl border bg-panel ${selected ? "border-accent" : "border-line"}`}
    >
      <Link
        href={`/generations/${generation.id}`}
        className="relative block aspect-video bg-panel-2"
        onMouseEnter={start}
        onMouseLeave={stop}
        onFocus={start}
        onBlur={stop}
      >
        {generation.posterUrl ? (
          // biome-ignore lint/performance/noImgElement: posters come from our own media route
          <img
            src={generation.posterUrl}
            alt=""
            width={480}
            height={270}
            loading={eager ? "eager" : "lazy"}
            fetchPriority={eager ? "high" : "auto"}
            className="h-full w-full object-cover"
          />
        ) : (
          <span className="flex h-full items-center justify-center text-xs text-muted">
            {generation.status === "succeeded"
              ? "No poster"
              : ["failed", "canceled"].includes(generation.status)
                ? "No video"
                : "No video yet"}
          </span>
        )}
        {previewing && generation.videoUrl ? (
          <video
            src={generation.videoUrl}
            muted
            autoPlay
            loop
            playsInline
            className="absolute inset-0 h-full w-full object-cover"
          />
        ) : null}
        <span className="sr-only">Open generation details</span>
      </Link>
      <div className="flex flex-col gap-2 p-3">
        <div className="flex items-center justify-between gap-2 text-xs text-muted">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={selected}
              onChange={(event) => onSelect(generation.id, event.target.checked)}
              aria-label={`Select ${title.slice(0, 40)}`}
            />
            <StatusBadge status={generation.status} />
          </label>
          <span>
            {generation.mode} · {generation.aspectRatio ?? "auto"} · {generation.duration}s
            {generation.estimatedCostUsd !== null
              ? ` · ${formatUsd(generation.estimatedCostUsd)}`
              : ""}
          </span>
          <FavoriteButton id={generation.id} initial={generation.favorite ?? false} />
        </div>
        <p className="line-clamp-2 text-sm text-white/90">{title}</p>
        <p className="text-xs text-muted">
          <time dateTime={generation.createdAt}>
            {generation.createdAt.slice(0, 16).replace("T", " ")} UTC
          </time>
        </p>
      </div>
    </article>
  );
}
