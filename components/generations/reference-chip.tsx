import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import { MediaThumb } from "@/components/ui/media-thumb";
import type { ReferenceView } from "@/lib/gallery/detail-types";
import { splitAtTokens } from "@/lib/prompt/prompt-tokens";

/** What a chip needs of a reference: the name the composer showed and its picture. */
export type ChipReference = Pick<ReferenceView, "kind" | "position" | "label" | "thumbnailUrl">;

/**
 * One reference inside a prompt, read-only: its thumbnail (or the kind's initial) and the name
 * the person saw in the composer ("Image 1", an element's name), never the raw token and
 * never the file name. Used wherever a stored prompt is shown in the studio (detail page,
 * gallery card, lineage); the share page's HTML twin is chipHtml in
 * lib/shares/render-share-html.ts, with the same markup and the same label rule.
 */
export function ReferenceChip({
  kind,
  n,
  reference,
}: {
  kind: string;
  /** The token's 1-based number, named only when the reference row is missing. */
  n: number;
  reference: ChipReference | undefined;
}) {
  const t = useTranslations("words");
  const label = reference?.label ?? t("chipFallback", { kind, n });
  return (
    <span
      data-chip={`${kind}_${n}`}
      className="mx-0.5 inline-flex items-center gap-1 rounded-full border border-accent/40 bg-accent/15 py-0.5 pr-2 pl-0.5 align-middle text-xs whitespace-nowrap text-accent-2"
    >
      <MediaThumb
        src={reference?.thumbnailUrl}
        width={20}
        height={20}
        loading="lazy"
        className="h-5 w-5 rounded-full object-cover"
        fallback={
          <span
            aria-hidden="true"
            className="flex h-5 w-5 items-center justify-center rounded-full bg-panel-2 text-[10px] uppercase"
          >
            {kind.charAt(0)}
          </span>
        }
      />
      <span>
        <span className="sr-only">{t("chipReference", { kind })}</span>
        {label}
      </span>
    </span>
  );
}

/**
 * A stored prompt's parts: text runs (through `text`, e.g. to highlight search words) and a
 * chip for each `<<<kind_N>>>`, naming the N-th reference of that kind.
 */
export function PromptParts({
  prompt,
  references,
  text = (run) => run,
}: {
  prompt: string;
  references: readonly ChipReference[];
  text?: (run: string) => ReactNode;
}) {
  return splitAtTokens(prompt).map((part, index) => {
    if (typeof part === "string") {
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed string, never reordered
      return <Fragment key={index}>{text(part)}</Fragment>;
    }
    const reference = references.find((r) => r.kind === part.kind && r.position === part.n - 1);
    return <ReferenceChip key={part.index} kind={part.kind} n={part.n} reference={reference} />;
  });
}
