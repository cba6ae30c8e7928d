import type { ReferenceView } from "@/lib/gallery/detail-types";

const KIND_LABEL: Record<string, string> = { image: "Image", element: "Element", video: "Video" };

export function ReferenceList({ references }: { references: ReferenceView[] }) {
  if (references.length === 0) return null;
  return (
    <section aria-labelledby="references-heading" className="flex flex-col gap-2">
      <h2 id="references-heading" className="text-xs uppercase tracking-wide text-muted">
        References
      </h2>
      <ul className="flex flex-wrap gap-2">
        {references.map((ref) => (
          <li key={ref.id} className="flex w-24 flex-col gap-1 text-xs">
            {ref.thumbnailUrl ? (
              // biome-ignore lint/performance/noImgElement: thumbnails from our own media route
              <img
                src={ref.thumbnailUrl}
                alt={ref.label}
                width={96}
                height={96}
                loading="lazy"
                className="h-24 w-24 rounded-md border border-line object-cover"
              />
            ) : (
              <span className="flex h-24 w-24 items-center justify-center rounded-md border border-line bg-panel-2 text-muted">
                {KIND_LABEL[ref.kind] ?? ref.kind}
              </span>
            )}
            <span className="truncate" title={ref.label}>
              {KIND_LABEL[ref.kind] ?? ref.kind} {ref.position + 1}: {ref.label}
            </span>
            {ref.imageType || ref.referType ? (
              <span className="text-muted">
                {(ref.imageType ?? ref.referType ?? "").replace("_", " ")}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
