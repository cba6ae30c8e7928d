"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { showBrowserNotification } from "@/components/notifications/browser-notifications";
import { announceSettled } from "@/components/notifications/notification-store";
import type { GenerationView } from "@/lib/generations/generation-view";
import { generationStatusUrl, queryKeys } from "@/lib/generations/query-keys";
import { isSettledForPolling } from "@/lib/generations/status";
import { progressFigure } from "@/lib/progress/progress-figure";
import { promptWithNames } from "@/lib/prompt/reference-names";

const POLL_MS = 1500;
/**
 * Once the expected time is nearly up, look more often: the worker stores the video the
 * moment the provider calls back, and a 1.5 s poll would add up to 1.5 s before it plays.
 * The status route reads the database only, so this costs the provider nothing; once it
 * is running late ("taking longer than usual") the usual pace resumes.
 */
const DUE_POLL_MS = 400;
const DUE_LEAD_SECONDS = 2;

function pollEvery(view: GenerationView | undefined): number | false {
  if (!view || isSettledForPolling(view.status)) return false;
  const figure = progressFigure(view, Date.now());
  const due =
    figure && !figure.slow && figure.elapsedSeconds >= figure.expectedSeconds - DUE_LEAD_SECONDS;
  return due ? DUE_POLL_MS : POLL_MS;
}

/**
 * Polls the app's own status route (never the provider) until the generation settles, and
 * announces it (toast, tab title, opt-in browser notification) when one this page watched
 * running finishes or fails.
 */
export function useGenerationStatus(initial: GenerationView) {
  const t = useTranslations("notifications");
  const words = useTranslations("words");
  const query = useQuery({
    queryKey: queryKeys.generation(initial.id),
    queryFn: async (): Promise<GenerationView> => {
      const response = await fetch(generationStatusUrl(initial.id), { cache: "no-store" });
      if (!response.ok) throw new Error(t("statusCheckFailed", { status: response.status }));
      return (await response.json()) as GenerationView;
    },
    initialData: initial,
    refetchInterval: (q) => pollEvery(q.state.data),
    refetchIntervalInBackground: true,
  });
  const status = query.data.status;
  const wasRunning = useRef(!isSettledForPolling(initial.status));
  useEffect(() => {
    if (!isSettledForPolling(status)) {
      wasRunning.current = true;
      return;
    }
    if (wasRunning.current && (status === "succeeded" || status === "failed")) {
      wasRunning.current = false;
      // Worded now, in the page's language: the store and the browser notification keep text.
      const view = query.data;
      const toast = announceSettled({
        key: `${view.id}-${view.status}`,
        generationId: view.id,
        title: t(status === "succeeded" ? "videoReady" : "generationFailed"),
        // Each token as its chip names it, else its default name in the page's language.
        body: promptWithNames(
          view.prompt,
          (kind, n) =>
            view.references?.find((ref) => ref.kind === kind && ref.position === n - 1)?.label ??
            words("referenceName", { kind, n }),
        ).slice(0, 80),
        ok: status === "succeeded",
      });
      if (toast) showBrowserNotification(toast);
    }
  }, [status, query.data, t, words]);
  return query;
}
