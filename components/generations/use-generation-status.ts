"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { showBrowserNotification } from "@/components/notifications/browser-notifications";
import { announceSettled } from "@/components/notifications/toast-items";
import type { GenerationView } from "@/lib/generations/generation-view";
import { generationStatusUrl, queryKeys } from "@/lib/generations/query-keys";
import { isSettledForPolling } from "@/lib/generations/status";
import { statusPollEvery } from "@/lib/progress/status-poll-pace";
import { promptWithNames } from "@/lib/prompt/reference-names";

/**
 * Polls the app's own status route (never the provider) until the generation settles (and
 * its poster is in), and
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
    refetchInterval: (q) => statusPollEvery(q.state.data, Date.now()),
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
