/**
 * Same output as formatUsd in lib/generations/estimate-cost.ts, kept apart because that
 * module now carries a zod schema and the gallery's client bundle must not ship zod for it.
 */
export function formatUsd(amount: number): string {
  return `$${amount.toFixed(amount < 1 ? 3 : 2)}`;
}
