/** React Query keys in one place, so invalidation matches what is cached. */
export const queryKeys = {
  generation: (id: string) => ["generation", id] as const,
  recentGenerations: () => ["generations", "recent"] as const,
};

export function generationStatusUrl(id: string): string {
  return `/api/generations/${encodeURIComponent(id)}`;
}
