"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { FavoriteButton } from "@/components/gallery/favorite-button";
import { ShareDialog } from "@/components/share/share-dialog";
import { failureNeedsEdit } from "@/lib/generations/failure-advice";
import type { GenerationView } from "@/lib/generations/generation-view";
import { downloadFileName } from "@/lib/prompt/download-name";
import type { ShareView } from "@/lib/shares/share-types";
import { DeleteGenerationButton } from "./delete-generation-button";

const button =
  "touch-target inline-flex items-center rounded-md border border-line px-3 py-2 hover:bg-panel-2 sm:px-4";

/**
 * The result's buttons, one row even on a phone. Retry lives in the pipeline's
 * GenerationStatusActions (it knows which statuses may be retried); GenerationDetail mounts
 * it next to these. A failure that would fail again offers "Edit & retry" there instead,
 * which is this Remix link's job, so Remix steps aside for it.
 */
export function DetailActions({
  generation,
  shares,
}: {
  generation: GenerationView;
  shares: ShareView[];
}) {
  const t = useTranslations("detail");
  const playable = generation.status === "succeeded" && generation.videoUrl !== null;
  return (
    <>
      {playable ? (
        <ShareDialog generationId={generation.id} initialShares={shares} canShare={playable} />
      ) : null}
      {/* The composer reads ?remix= and loads the whole recipe; the new row records its parent. */}
      {failureNeedsEdit(generation) ? null : (
        <Link href={`/?remix=${encodeURIComponent(generation.id)}`} className={button}>
          {t("remix")}
        </Link>
      )}
      {generation.videoUrl ? (
        <a
          href={generation.videoUrl}
          download={downloadFileName(generation.prompt, generation.id)}
          className={button}
        >
          {t("download")}
        </a>
      ) : null}
      <FavoriteButton id={generation.id} initial={generation.favorite ?? false} />
      <DeleteGenerationButton id={generation.id} />
    </>
  );
}
