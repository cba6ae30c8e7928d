"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { MediaThumb } from "@/components/ui/media-thumb";
import { localMessage } from "@/i18n/local-message";
import { useSay } from "@/i18n/use-say";
import { dismissElementTaskAction } from "@/lib/actions/dismiss-element-task";
import type { ElementTaskView } from "@/lib/elements/element-task-schema";

const localNoReason = localMessage("elementRules.noReason");

/** Elements Kling is still making, with their progress, and failed ones with Kling's reason. */
export function ElementTaskList({
  tasks,
  onDismissed,
}: {
  tasks: readonly ElementTaskView[];
  onDismissed: (id: string) => void;
}) {
  const t = useTranslations("elements");
  const say = useSay();
  const [pending, startTransition] = useTransition();
  if (tasks.length === 0) return null;
  return (
    <ul aria-label={t("tasksLabel")} className="flex flex-col gap-1">
      {tasks.map((task) => (
        <li key={task.id} className="flex flex-wrap items-center gap-2 text-xs">
          <MediaThumb src={task.thumbnailUrl} className="size-8 rounded object-cover" />
          <span className="font-medium text-white">{task.name}</span>
          <span role="status" className={task.status === "failed" ? "text-red-300" : "text-muted"}>
            {task.status === "failed"
              ? t("failedBecause", { reason: say(task.failReason ?? localNoReason) })
              : t(`progress.${task.status}`)}
          </span>
          {task.status === "failed" ? (
            <button
              type="button"
              disabled={pending}
              aria-label={t("dismissLabel", { name: task.name })}
              className="rounded border border-line px-1.5 py-0.5 text-muted hover:text-white"
              onClick={() =>
                startTransition(async () => {
                  const result = await dismissElementTaskAction(task.id);
                  if (result.ok) onDismissed(task.id);
                })
              }
            >
              {t("dismiss")}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
