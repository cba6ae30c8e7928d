"use client";

import { formatUsd } from "@/lib/generations/estimate-cost";
import type { GenerationView } from "@/lib/generations/generation-view";
import { isTerminalStatus } from "@/lib/generations/status";
import { ElapsedTime } from "./elapsed-time";
import { StatusBadge } from "./status-badge";
import { useGenerationStatus } from "./use-generation-status";

export function GenerationDetail({ initial }: { initial: GenerationView }) {
  const { data: generation } = useGenerationStatus(initial);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="overflow-hidden rounded-xl border border-line bg-black">
        {generation.videoUrl ? (
          // biome-ignore lint/a11y/useMediaCaption: generated videos have no speech to caption
          <video
            key={generation.videoUrl}
            src={generation.videoUrl}
            poster={generation.posterUrl ?? undefined}
            controls
            playsInline
            preload="metadata"
            aria-label="Generated video"
            className="max-h-[70vh] w-full"
          />
        ) : (
          <div className="flex aspect-video items-center justify-center p-6 text-center text-sm text-muted">
            {isTerminalStatus(generation.status)
              ? "This generation has no video."
              : "The video is being made. This page updates by itself; you can close it and come back."}
          </div>
        )}
      </div>
      <aside className="flex flex-col gap-4 text-sm">
        <div className="flex items-center gap-2">
          <StatusBadge status={generation.status} />
          <span className="text-muted">
            <ElapsedTime from={generation.createdAt} until={generation.finishedAt} />
          </span>
        </div>
        {generation.errorMessage ? (
          <p
            role="alert"
            className="rounded-md border border-red-500/30 bg-red-500/10 p-3 text-red-200"
          >
            {generation.errorMessage}
          </p>
        ) : null}
        <section aria-label="Prompt">
          <h2 className="mb-1 text-xs uppercase tracking-wide text-muted">Prompt</h2>
          <p className="whitespace-pre-wrap text-white/90">{generation.prompt}</p>
        </section>
        <dl className="grid grid-cols-2 gap-x-3 gap-y-1">
          <dt className="text-muted">Mode</dt>
          <dd>{generation.mode}</dd>
          <dt className="text-muted">Aspect ratio</dt>
          <dd>{generation.aspectRatio ?? "from reference"}</dd>
          <dt className="text-muted">Duration</dt>
          <dd>{generation.durationSeconds?.toFixed(1) ?? generation.duration} s</dd>
          {generation.width && generation.height ? (
            <>
              <dt className="text-muted">Size</dt>
              <dd>
                {generation.width}×{generation.height}
              </dd>
            </>
          ) : null}
          {generation.estimatedCostUsd !== null ? (
            <>
              <dt className="text-muted">Estimated cost</dt>
              <dd>{formatUsd(generation.estimatedCostUsd)}</dd>
            </>
          ) : null}
          <dt className="text-muted">Provider task</dt>
          <dd className="break-all font-mono text-xs">{generation.providerTaskId ?? "—"}</dd>
        </dl>
        {generation.videoUrl ? (
          <a
            href={generation.videoUrl}
            download={`${generation.id}.mp4`}
            className="self-start rounded-md border border-line px-4 py-2 hover:bg-panel-2"
          >
            Download
          </a>
        ) : null}
      </aside>
    </div>
  );
}
