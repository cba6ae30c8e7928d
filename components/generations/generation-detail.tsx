"use client";

import { DetailActions } from "@/components/detail/detail-actions";
import { GenerationTimings } from "@/components/detail/generation-timings";
import { LineageList } from "@/components/detail/lineage-list";
import { PromptWithChips } from "@/components/detail/prompt-with-chips";
import { ReferenceList } from "@/components/detail/reference-list";
import type { GenerationDetailData } from "@/lib/gallery/detail-types";
import { formatUsd } from "@/lib/generations/estimate-cost";
import { isTerminalStatus } from "@/lib/generations/status";
import type { ShareView } from "@/lib/shares/share-types";
import { ElapsedTime } from "./elapsed-time";
import { GenerationProgress } from "./generation-progress";
import { GenerationStatusActions } from "./generation-status-actions";
import { StatusBadge } from "./status-badge";
import { useGenerationStatus } from "./use-generation-status";

type Props = { detail: GenerationDetailData; shares: ShareView[] };

export function GenerationDetail({ detail, shares }: Props) {
  const { data: live } = useGenerationStatus(detail.generation);
  // The status route does not know favorites; keep the value the page was rendered with.
  const generation = { ...live, favorite: detail.generation.favorite };
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="flex flex-col gap-4">
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
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <DetailActions generation={generation} shares={shares} />
          {/* Retry (and Cancel / Check again) is the pipeline's; it shows what fits the status. */}
          <GenerationStatusActions generation={generation} />
        </div>
        <section aria-labelledby="prompt-heading">
          <h2 id="prompt-heading" className="mb-1 text-xs uppercase tracking-wide text-muted">
            Prompt
          </h2>
          <PromptWithChips prompt={generation.prompt} references={detail.references} />
        </section>
        <ReferenceList references={detail.references} />
      </div>
      <aside className="flex flex-col gap-4 text-sm">
        <div className="flex items-center gap-2">
          <StatusBadge status={generation.status} />
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
            {generation.errorMessage}
          </p>
        ) : null}
        <section aria-labelledby="settings-heading">
          <h2 id="settings-heading" className="mb-1 text-xs uppercase tracking-wide text-muted">
            Settings
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
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
            <dt className="text-muted">Estimated cost</dt>
            <dd>
              {generation.estimatedCostUsd !== null ? formatUsd(generation.estimatedCostUsd) : "—"}
            </dd>
            <dt className="text-muted">Provider task</dt>
            <dd className="break-all font-mono text-xs">{generation.providerTaskId ?? "—"}</dd>
          </dl>
        </section>
        <GenerationTimings generation={generation} />
        <LineageList
          parent={detail.parent}
          parentKind={generation.parentKind}
          items={detail.children}
        />
      </aside>
    </div>
  );
}
