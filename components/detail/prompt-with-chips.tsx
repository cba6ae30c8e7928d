import type { ReferenceView } from "@/lib/gallery/detail-types";

const TOKEN = /<<<(image|element|video)_(\d{1,4})>>>/g;

/**
 * The prompt as sent, with each `<<<kind_N>>>` shown as a chip naming the N-th reference of
 * that kind. A read-only renderer; the composer owns editing. No hooks, so it also renders
 * on the share page without shipping JavaScript.
 */
export function PromptWithChips({
  prompt,
  references,
}: {
  prompt: string;
  references: ReferenceView[];
}) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of prompt.matchAll(TOKEN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(prompt.slice(last, at));
    const kind = match[1] ?? "image";
    const n = Number(match[2]);
    const ref = references.find((r) => r.kind === kind && r.position === n - 1);
    parts.push(<Chip key={`${at}-${match[0]}`} kind={kind} n={n} reference={ref} />);
    last = at + match[0].length;
  }
  if (last < prompt.length) parts.push(prompt.slice(last));
  return <p className="whitespace-pre-wrap leading-7 text-white/90">{parts}</p>;
}

function Chip({
  kind,
  n,
  reference,
}: {
  kind: string;
  n: number;
  reference: ReferenceView | undefined;
}) {
  const label = reference?.label ?? `${kind} ${n}`;
  return (
    <span
      data-chip={`${kind}_${n}`}
      className="mx-0.5 inline-flex items-center gap-1 rounded-full border border-accent/40 bg-accent/15 py-0.5 pr-2 pl-0.5 align-middle text-xs text-accent-2"
    >
      {reference?.thumbnailUrl ? (
        // biome-ignore lint/performance/noImgElement: a 20 px thumbnail from our own media route
        <img
          src={reference.thumbnailUrl}
          alt=""
          width={20}
          height={20}
          className="h-5 w-5 rounded-full object-cover"
        />
      ) : (
        <span
          aria-hidden="true"
          className="flex h-5 w-5 items-center justify-center rounded-full bg-panel-2 text-[10px] uppercase"
        >
          {kind.charAt(0)}
        </span>
      )}
      <span>
        <span className="sr-only">{kind} reference: </span>
        {label}
      </span>
    </span>
  );
}
