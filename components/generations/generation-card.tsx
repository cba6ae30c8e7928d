"use client";

import Link from "next/link";
import { NotifyWhenDoneButton } from "@/components/notifications/notify-when-done-button";
import type { GenerationView } from "@/lib/generations/generation-view";
import { isTerminalStatus } from "@/lib/generations/status";
import { plainPrompt } from "@/lib/prompt/prompt-tokens";
import { ElapsedTime } from "./elapsed-time";
import { GenerationProgress } from "./generation-progress";
import { GenerationStatusActions } from "./generation-status-actions";
import { StatusBadge } from "./status-badge";
import { useGenerationStatus } from "./use-generation-status";

/** One generation as it moves through its life; polls until it settles. */
export function GenerationCard({ initial }: { initial: GenerationView }) {
  const { data: generation } = useGenerationStatus(initial);
  const running = !isTerminalStatus(generation.status);
  return (
    <article
      aria-label={`Generation: ${plainPrompt(generation.prompt).slice(0, 60)}`}
      data-generation-id={generation.id}
      className="flex flex-col overflow-hidden rounded-xl border border-line bg-panel"
    >
      <Link
        href={`/generations/${generation.id}`}
        className="relative block aspect-video bg-panel-2"
      >
        {generation.posterUrl ? (
          // biome-ignore lint/performance/noImgElement: posters are served by our own media route
          <img src={generation.posterUrl} alt="" className="h-full w-full object-cover" />
        ) : (
          <div className="flex h-full items-center justify-center text-xs text-muted">
            {running ? "Rendering…" : "No video"}
          </div>
        )}
        <span className="sr-only">Open generation details</span>
      </Link>
      <div className="flex flex-col gap-2 p-3">
        <div className="flex items-center justify-between gap-2 text-xs text-muted">
          <StatusBadge status={generation.status} />
          <span>
            {generation.mode} · {generation.aspectRatio ?? "auto"} · {generation.duration}s ·{" "}
            <ElapsedTime from={generation.createdAt} until={generation.finishedAt} />
          </span>
        </div>
        <p className="line-clamp-2 text-sm text-white/90">{plainPrompt(generation.prompt)}</p>
        <GenerationProgress generation={generation} />
        {generation.errorMessage && generation.status !== "uncertain" ? (
          <p
            role={generation.status === "failed" ? "alert" : "status"}
            className="text-xs text-red-300"
          >
            {generation.errorMessage}
          </p>
        ) : null}
        {running && generation.status !== "uncertain" ? <NotifyWhenDoneButton /> : null}
        <GenerationStatusActions generation={generation} />
      </div>
    </article>
  );
}
