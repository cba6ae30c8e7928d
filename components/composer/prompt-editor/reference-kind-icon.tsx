import type { ReferenceKind } from "@/lib/prompt/reference-types";

const PATHS: Record<ReferenceKind, string> = {
  image: "M3 4h14v12H3z M3 13l4-4 3 3 2-2 5 5",
  element: "M10 3a3 3 0 1 1 0 6a3 3 0 1 1 0-6z M4 17c0-3.3 2.7-6 6-6s6 2.7 6 6",
  video: "M3 5h10v10H3z M13 9l4-2v6l-4-2",
};

/** A small line icon for a reference without a thumbnail; decorative. */
export function ReferenceKindIcon({
  kind,
  className = "size-4",
}: {
  kind: ReferenceKind;
  className?: string;
}) {
  return (
    <svg
      viewBox="0 0 20 20"
      aria-hidden="true"
      className={`shrink-0 ${className}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d={PATHS[kind]} />
    </svg>
  );
}
