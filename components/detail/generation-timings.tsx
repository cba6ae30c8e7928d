import { useLocale, useTranslations } from "next-intl";
import { formatDateTimeIn } from "@/lib/format/date-time";
import { formatDurationIn } from "@/lib/format/locale-format";
import type { GenerationView } from "@/lib/generations/generation-view";
import { DetailSection } from "./detail-section";

function secondsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const s = (Date.parse(to) - Date.parse(from)) / 1000;
  return s >= 0 ? s : null;
}

export function GenerationTimings({ generation }: { generation: GenerationView }) {
  const t = useTranslations("detail");
  const locale = useLocale();
  const { createdAt, submittedAt, startedAt, finishedAt } = generation;
  const rows: [string, string | null, number | null][] = [
    [t("created"), createdAt, null],
    [t("submitted"), submittedAt, secondsBetween(createdAt, submittedAt)],
    [t("started"), startedAt, secondsBetween(submittedAt, startedAt)],
    [t("finished"), finishedAt, secondsBetween(submittedAt, finishedAt)],
  ];
  return (
    <DetailSection id="timings" title={t("timings")} tight>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {rows.map(([label, at, took]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd>
              {at ? <time dateTime={at}>{formatDateTimeIn(locale, at)}</time> : "—"}
              {took !== null ? (
                <span className="text-muted"> (+{formatDurationIn(locale, took)})</span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </DetailSection>
  );
}
