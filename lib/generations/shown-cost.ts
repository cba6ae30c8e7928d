// Apart from estimate-cost.ts (price tables, estimates) because gallery cards need only this,
// and the gallery counts its first-load bytes.

/**
 * What a generation cost, as far as the studio can tell: failed and canceled tasks are not
 * billed (contract §8: Kling says failed tasks consume no credits), so they have no cost to show.
 */
export function shownCostUsd(generation: {
  status: string;
  estimatedCostUsd: number | null;
}): number | null {
  if (generation.status === "failed" || generation.status === "canceled") return null;
  return generation.estimatedCostUsd;
}
