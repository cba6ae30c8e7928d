"use client";

import Link from "next/link";
import { FavoriteButton } from "@/components/gallery/favorite-button";
import { ShareDialog } from "@/components/share/share-dialog";
import type { GenerationView } from "@/lib/generations/generation-view";
import type { ShareView } from "@/lib/shares/share-types";
import { DeleteGenerationButton } from "./delete-generation-button";

const button = "rounded-md border border-line px-4 py-2 hover:bg-panel-2";

/**
 * The result's buttons. Retry lives in the pipeline's GenerationStatusActions (it knows
 * which statuses may be retried); GenerationDetail mounts it next to these.
 */
export function DetailActions({
  generation,
  shares,
}: {
  generation: GenerationView;
  shares: ShareView[];
}) {
  const playable = generation.status === "succeeded" && generation.videoUrl !== null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ShareDialog generationId={generation.id} initialShares={shares} canShare={playable} />
      {/* The composer reads ?remix= and loads the whole recipe; the new row records its parent. */}
      <Link href={`/?remix=${encodeURIComponent(generation.id)}`} className={button}>
        Remix
      </Link>
      {generation.videoUrl ? (
        <a href={generation.videoUrl} download={`${generation.id}.mp4`} className={button}>
          Download
        </a>
      ) : null}
      <DeleteGenerationButton id={generation.id} />
      <FavoriteButton id={generation.id} initial={generation.favorite ?? false} />
    </div>
  );
}
