"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { GenerationView } from "@/lib/generations/generation-view";
import { promptWithLabels } from "@/lib/prompt/reference-names";
import { FavoriteButton } from "./favorite-button";

type Props = { generations: GenerationView[]; onClose: () => void };

/** Drift beyond this (seconds) between a take and the first one is corrected. */
const MAX_DRIFT_S = 0.15;

/**
 * 2–4 takes side by side under ONE control: "Play all"/"Pause all" and the "Seek all"
 * slider drive every video; the first video is the clock and the others are pulled back to
 * it when they drift. Each take has its own "Favorite" to keep the winner. Loaded on demand
 * (import()) so the gallery's first load does not carry it.
 */
export function CompareView({ generations, onClose }: Props) {
  const t = useTranslations("compare");
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [length, setLength] = useState(0);

  const all = () => videos.current.filter((video): video is HTMLVideoElement => video !== null);
  const clock = () => all()[0];

  useEffect(() => {
    const master = clock();
    if (!master) return;
    const onTime = () => {
      setTime(master.currentTime);
      for (const video of all().slice(1)) {
        if (Math.abs(video.currentTime - master.currentTime) > MAX_DRIFT_S) {
          video.currentTime = Math.min(master.currentTime, video.duration || Infinity);
        }
      }
    };
    const onEnded = () => {
      for (const video of all()) video.pause();
      setPlaying(false);
    };
    master.addEventListener("timeupdate", onTime);
    master.addEventListener("ended", onEnded);
    return () => {
      master.removeEventListener("timeupdate", onTime);
      master.removeEventListener("ended", onEnded);
    };
  });

  const onMetadata = () => {
    // The slider covers the shortest take, so every position exists in every video.
    const durations = all()
      .map((video) => video.duration)
      .filter(Number.isFinite);
    if (durations.length > 0) setLength(Math.min(...durations));
  };
  const togglePlay = () => {
    if (playing) {
      for (const video of all()) video.pause();
      setPlaying(false);
      return;
    }
    const at = clock()?.currentTime ?? 0;
    for (const video of all()) {
      video.currentTime = at;
      void video.play().catch(() => setPlaying(false));
    }
    setPlaying(true);
  };
  const seek = (seconds: number) => {
    for (const video of all()) video.currentTime = seconds;
    setTime(seconds);
  };

  return (
    <Dialog open onClose={onClose} title={t("title", { count: generations.length })} size="xl">
      <div className="grid gap-3 sm:grid-cols-2">
        {generations.map((generation, index) => (
          <figure
            key={generation.id}
            aria-label={t("take", { n: index + 1 })}
            data-generation-id={generation.id}
            className="flex flex-col gap-1"
          >
            <video
              ref={(node) => {
                videos.current[index] = node;
              }}
              src={generation.videoUrl ?? undefined}
              poster={generation.posterUrl ?? undefined}
              muted={index > 0}
              playsInline
              preload="auto"
              onLoadedMetadata={onMetadata}
              data-compare-video=""
              className="aspect-video w-full rounded-md bg-black object-contain"
            />
            <figcaption className="flex items-center justify-between gap-2 text-xs text-muted">
              <span className="line-clamp-1">
                {t("take", { n: index + 1 })}:{" "}
                {promptWithLabels(generation.prompt, generation.references)}
              </span>
              <FavoriteButton id={generation.id} initial={generation.favorite ?? false} />
            </figcaption>
          </figure>
        ))}
      </div>
      <div className="mt-3 flex items-center gap-3">
        <button
          type="button"
          onClick={togglePlay}
          className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-panel-2"
        >
          {playing ? t("pauseAll") : t("playAll")}
        </button>
        <input
          type="range"
          aria-label={t("seekAll")}
          min={0}
          max={length || 0}
          step={0.1}
          value={Math.min(time, length)}
          onChange={(event) => seek(Number(event.target.value))}
          className="flex-1 accent-violet-500"
        />
        <span className="text-xs tabular-nums text-muted">{t("time", { time, length })}</span>
      </div>
    </Dialog>
  );
}
