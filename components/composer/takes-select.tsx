"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { UseFormRegister } from "react-hook-form";
import { readQueueRoomAction } from "@/lib/actions/read-queue-room";
import { type CreatedTakes, TAKE_COUNTS } from "@/lib/composer/takes";
import type { SettingsValues } from "./composer-settings";

type Props = {
  register: UseFormRegister<SettingsValues>;
  /** The select's current value (the form's watched `takes`). */
  count: number;
  /** What the last Generate made, for its note and the way to Compare. */
  made: CreatedTakes | null;
};

/**
 * "Takes" beside Generate: that many generations of one recipe in one batch. Says that the
 * cost shown is for all of them and how many would wait in the queue, and after a batch is
 * made, links to its Compare (on a take's page, where the batch is compared).
 */
export function TakesSelect({ register, count, made }: Props) {
  const t = useTranslations("takes");
  const startable = useStartableNow(count > 1, made);
  const waitingMade = made?.generations.filter((g) => g.status === "queued").length ?? 0;
  const firstMade = made?.batchId ? made.generations[0] : undefined;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
      <label className="flex items-center gap-2">
        {t("label")}
        <select
          {...register("takes", { valueAsNumber: true })}
          className="rounded-md border border-line bg-panel-2 px-2 py-1 text-sm text-fg"
        >
          {TAKE_COUNTS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {count > 1 ? (
        <p>
          {t("forAll", { count })}
          {startable === null
            ? null
            : ` ${t("queue", { waiting: Math.max(0, count - startable) })}`}
        </p>
      ) : null}
      {made && made.generations.length > 1 ? (
        <p role="status" className="flex items-center gap-2">
          {t("started", { count: made.generations.length, waiting: waitingMade })}
          {firstMade ? (
            <Link href={`/generations/${firstMade.id}`} className="text-accent underline">
              {t("compare")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/** The queue's room, asked when more than one take is chosen and after each Generate. */
function useStartableNow(wanted: boolean, made: CreatedTakes | null): number | null {
  const [startable, setStartable] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new batch changes the queue, so ask again.
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void readQueueRoomAction().then((result) => {
      if (current) setStartable(result.ok ? result.data : null);
    });
    return () => {
      current = false;
    };
  }, [wanted, made]);
  return startable;
}
