import type { GenerationView } from "@/lib/generations/generation-view";

function format(iso: string | null): string {
  return iso ? `${iso.slice(0, 19).replace("T", " ")} UTC` : "—";
}

function seconds(from: string | null, to: string | null): string | null {
  if (!from || !to) return null;
  const s = (Date.parse(to) - Date.parse(from)) / 1000;
  return s >= 0 ? `${s.toFixed(0)} s` : null;
}

export function GenerationTimings({ generation }: { generation: GenerationView }) {
  const rows: [string, string | null, string | null][] = [
    ["Created", generation.createdAt, null],
    ["Submitted", generation.submittedAt, seconds(generation.createdAt, generation.submittedAt)],
    ["Started", generation.startedAt, seconds(generation.submittedAt, generation.startedAt)],
    ["Finished", generation.finishedAt, seconds(generation.submittedAt, generation.finishedAt)],
  ];
  return (
    <section aria-labelledby="timings-heading">
      <h2 id="timings-heading" className="mb-1 text-xs uppercase tracking-wide text-muted">
        Timings
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {rows.map(([label, at, took]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd>
              {at ? <time dateTime={at}>{format(at)}</time> : "—"}
              {took ? <span className="text-muted"> (+{took})</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
