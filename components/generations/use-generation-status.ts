"use client";

import { useQuery } from "@tanstack/react-query";
import type { GenerationView } from "@/lib/generations/generation-view";
import { generationStatusUrl, queryKeys } from "@/lib/generations/query-keys";
import { isSettledForPolling } from "@/lib/generations/status";

const POLL_MS = 1500;

/** Polls the app's own status route (never the provider) until the generation settles. */
export function useGenerationStatus(initial: GenerationView) {
  return useQuery({
    queryKey: queryKeys.generation(initial.id),
    queryFn: async (): Promise<GenerationView> => {
      const response = await fetch(generationStatusUrl(initial.id), { cache: "no-store" });
      if (!response.ok) throw new Error(`Status check failed (HTTP ${response.status})`);
      return (await response.json()) as GenerationView;
    },
    initialData: initial,
    refetchInterval: (query) =>
      query.state.data && isSettledForPolling(query.state.data.status) ? false : POLL_MS,
    refetchIntervalInBackground: true,
  });
}
