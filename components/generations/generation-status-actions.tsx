"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useSay } from "@/i18n/use-say";
import { cancelGenerationAction } from "@/lib/actions/cancel-generation";
import { checkGenerationAgainAction } from "@/lib/actions/check-generation-again";
import { retryGenerationAction } from "@/lib/actions/retry-generation";
import { submitGenerationAgainAction } from "@/lib/actions/submit-generation-again";
import type { ActionResult } from "@/lib/errors";
import { failureNeedsEdit } from "@/lib/generations/failure-advice";
import type { GenerationView } from "@/lib/generations/generation-view";
import { queryKeys } from "@/lib/generations/query-keys";

const BUTTON_STYLE = {
  card: "rounded-md border border-line px-2 py-1 text-xs hover:bg-panel-2 disabled:opacity-50",
  page: "rounded-md border border-line px-3 py-2 hover:bg-panel-2 disabled:opacity-50 sm:px-4",
};
const RECHECKABLE = new Set(["timed_out", "download_failed"]);

/**
 * What a person can do about a generation that is stuck or went wrong: Retry (failed),
 * Cancel (queued), Check again / Submit again (needs checking, or timed out).
 */
export function GenerationStatusActions({
  generation,
  size = "card",
}: {
  generation: GenerationView;
  /** A card's small buttons, or the detail page's, matching its other actions. */
  size?: keyof typeof BUTTON_STYLE;
}) {
  const BUTTON = BUTTON_STYLE[size];
  const t = useTranslations("generation");
  const failure = useTranslations("failure");
  const say = useSay();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [confirmingSubmit, setConfirmingSubmit] = useState(false);

  function run<T>(action: () => Promise<ActionResult<T>>, after?: (data: T) => void) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setMessage(result.error);
        return;
      }
      after?.(result.data);
      await queryClient.invalidateQueries({ queryKey: queryKeys.generation(generation.id) });
      router.refresh();
    });
  }
  const uncertain = generation.status === "uncertain";
  const recheckable = generation.status === "failed" && RECHECKABLE.has(generation.errorCode ?? "");
  const button = (key: string, label: string, onClick: () => void) => (
    <button key={key} type="button" className={BUTTON} disabled={pending} onClick={onClick}>
      {label}
    </button>
  );
  const buttons = [];
  if (generation.status === "queued") {
    buttons.push(
      button("cancel", t("cancel"), () => run(() => cancelGenerationAction(generation.id))),
    );
  }
  if (uncertain || recheckable) {
    buttons.push(
      button("check", t("checkAgain"), () => run(() => checkGenerationAgainAction(generation.id))),
    );
  }
  if (uncertain) buttons.push(button("submit", t("submitAgain"), () => setConfirmingSubmit(true)));
  if (failureNeedsEdit(generation)) {
    // The same request would be refused again: open it in the composer to change it.
    buttons.push(
      <Link
        key="edit"
        href={`/?remix=${encodeURIComponent(generation.id)}`}
        className={`${BUTTON} touch-target inline-flex items-center`}
      >
        {t("editAndRetry")}
      </Link>,
    );
  } else if (generation.status === "failed" || generation.status === "canceled") {
    buttons.push(
      button("retry", t("retry"), () =>
        run(
          () => retryGenerationAction(generation.id),
          (data) => router.push(`/generations/${data.id}`),
        ),
      ),
    );
  }
  if (buttons.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      {uncertain ? (
        // The one explanation of an uncertain row (the card leaves its error message to us).
        <p role="status" className="text-xs text-amber-200">
          {failure("uncertain")} {failure("uncertainBilling")}
          {generation.errorMessage ? (
            <span className="block text-muted">
              {failure("providerSaid", { message: say(generation.errorMessage) })}
            </span>
          ) : null}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">{buttons}</div>
      {message ? (
        <p role="alert" className="text-xs text-red-300">
          {message}
        </p>
      ) : null}
      {uncertain ? (
        <ConfirmDialog
          open={confirmingSubmit}
          title={t("submitAgainTitle")}
          confirmLabel={t("submitAgain")}
          pending={pending}
          onConfirm={() => {
            setConfirmingSubmit(false);
            run(() => submitGenerationAgainAction(generation.id));
          }}
          onCancel={() => setConfirmingSubmit(false)}
        >
          {t("submitAgainText")}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
