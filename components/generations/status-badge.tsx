import { useTranslations } from "next-intl";
import { type GenerationStatus, STATUS_LABEL_KEYS } from "@/lib/generations/status";

const TONES: Record<GenerationStatus, string> = {
  queued: "border-slate-500/40 bg-slate-500/10 text-slate-200",
  submitting: "border-sky-500/40 bg-sky-500/10 text-sky-200",
  submitted: "border-sky-500/40 bg-sky-500/10 text-sky-200",
  processing: "border-violet-500/40 bg-violet-500/10 text-violet-200",
  downloading: "border-violet-500/40 bg-violet-500/10 text-violet-200",
  succeeded: "border-emerald-500/40 bg-emerald-500/10 text-emerald-200",
  failed: "border-red-500/40 bg-red-500/10 text-red-200",
  uncertain: "border-amber-500/40 bg-amber-500/10 text-amber-200",
  canceled: "border-slate-500/40 bg-slate-500/10 text-slate-300",
};

export function StatusBadge({ status }: { status: GenerationStatus }) {
  const t = useTranslations("status");
  return (
    <span
      data-status={status}
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${TONES[status]}`}
    >
      {t(STATUS_LABEL_KEYS[status])}
    </span>
  );
}
