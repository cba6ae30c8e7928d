import { useTranslations } from "next-intl";
import { MediaThumb } from "@/components/ui/media-thumb";
import type { ReferenceView } from "@/lib/gallery/detail-types";
import { referenceKindLabel, referenceRoleLabel } from "@/lib/generations/reference-words";
import { DetailSection } from "./detail-section";

/** Every reference with its picture (images, and elements with a registered thumbnail). */
export function ReferenceList({ references }: { references: ReferenceView[] }) {
  const t = useTranslations("detail");
  const words = useTranslations("words");
  if (references.length === 0) return null;
  return (
    <DetailSection id="references" title={t("references")}>
      <ul className="flex flex-wrap gap-2">
        {references.map((ref) => {
          const kind = referenceKindLabel(ref.kind, words);
          const role = referenceRoleLabel(ref, words);
          return (
            <li key={ref.id} className="flex w-24 flex-col gap-1 text-xs">
              <MediaThumb
                src={ref.thumbnailUrl}
                alt={ref.label}
                width={96}
                height={96}
                loading="lazy"
                className="h-24 w-24 rounded-md border border-line object-cover"
                fallback={
                  <span className="flex h-24 w-24 items-center justify-center rounded-md border border-line bg-panel-2 text-muted">
                    {kind}
                  </span>
                }
              />
              <span className="truncate" title={ref.fileName ?? ref.label}>
                {ref.label}
              </span>
              {ref.fileName ? (
                <span className="truncate text-muted" title={ref.fileName}>
                  {ref.fileName}
                </span>
              ) : null}
              {role ? <span className="text-muted">{role}</span> : null}
            </li>
          );
        })}
      </ul>
    </DetailSection>
  );
}
