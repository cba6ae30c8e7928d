"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelGenerationAction } from "@/lib/actions/cancel-generation";
import { checkGenerationAgainAction } from "@/lib/actions/check-generation-again";
import { retryGenerationAction } from "@/lib/actions/retry-generation";
import { submitGenerationAgainAction } from "@/lib/actions/submit-generation-again";
import type { ActionResult } from "@/lib/errors";
import type { GenerationView } from "@/lib/generations/generation-view";
import { queryKeys } from "@/lib/generations/query-keys";

const BUTTON =
  "rounded-md border border-line px-2 py-1 text-xs hover:bg-panel-2 disabled:opacity-50";
const RECHECKABLE = new Set(["timed_out", "download_failed"]);

/**
 * What a person can do about a generation that is stuck or went wrong: Retry (failed),
 * Cancel (queued), Check again / Submit again (needs checking, or timed out).
 */
export function GenerationStatusActions({ generation }: { generation: GenerationView }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

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
  const buttons = [];
  if (generation.status === "queued") {
    buttons.push(
      <button
        key="cancel"
        type="button"
        className={BUTTON}
        disabled={pending}
        onClick={() => run(() => cancelGenerationAction(generation.id))}
      >
        Cancel
      </button>,
    );
  }
  if (uncertain || recheckable) {
    buttons.push(
      <button
        key="check"
        type="button"
        className={BUTTON}
        disabled={pending}
        onClick={() => run(() => checkGenerationAgainAction(generation.id))}
      >
        Check again
      </button>,
    );
  }
  if (uncertain) {
    buttons.push(
      <button
        key="submit"
        type="button"
        className={BUTTON}
        disabled={pending}
        onClick={() => {
          const sure = window.confirm(
            "The first request may already be running at the provider. Submitting again starts a new task, which may be billed a second time. Submit again?",
          );
          if (sure) run(() => submitGenerationAgainAction(generation.id));
        }}
      >
        Submit again
      </button>,
    );
  }
  if (generation.status === "failed" || generation.status === "canceled") {
    buttons.push(
      <button
        key="retry"
        type="button"
        className={BUTTON}
        disabled={pending}
        onClick={() =>
          run(
            () => retryGenerationAction(generation.id),
            (data) => router.push(`/generations/${data.id}`),
          )
        }
      >
        Retry
      </button>,
    );
  }
  if (buttons.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      {uncertain ? (
        // The one explanation of an uncertain row (the card leaves its error message to us).
        <p role="status" className="text-xs text-amber-200">
          {generation.errorMessage ??
            "The provider's answer to this request was lost, so it may or may not be running."}{" "}
          Submitting again starts a new task, which may be billed a second time.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">{buttons}</div>
      {message ? (
        <p role="alert" className="text-xs text-red-300">
          {message}
        </p>
      ) : null}
    </div>
  );
}
