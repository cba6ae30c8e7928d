"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { announceSettled } from "@/components/notifications/notification-store";
import type { GenerationView } from "@/lib/generations/generation-view";
import { generationStatusUrl, queryKeys } from "@/lib/generations/query-keys";
import { isSettledForPolling } from "@/lib/generations/status";

const POLL_MS = 1500;

/**
 * Polls the app's own status route (never the provider) until the generation settles, and
 * announces it (toast, tab title, opt-in browser notification) when one this page watched
 * running finishes or fails.
 */
export function useGenerationStatus(initial: GenerationView) {
  const query = useQuery({
    queryKey: queryKeys.generation(initial.id),
    queryFn: async (): Promise<GenerationView> => {
      const response = await fetch(generationStatusUrl(initial.id), { cache: "no-store" });
      if (!response.ok) throw new Error(`Status check failed (HTTP ${response.status})`);
      return (await response.json()) as GenerationView;
    },
    initialData: initial,
    refetchInterval: (q) =>
      q.state.data && isSettledForPolling(q.state.data.status) ? false : POLL_MS,
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
      announceSettled(query.data);
    }
  }, [status, query.data]);
  return query;
}
