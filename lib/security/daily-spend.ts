import "server-only";
import { getDb } from "@/lib/db/client";

/**
 * Estimated spend of generations created since `since`. Rows that failed before the
 * provider ever accepted them (no task id) cost nothing and are left out.
 */
export async function sumEstimatedSpendSince(since: Date): Promise<number> {
  const result = await getDb().generation.aggregate({
    _sum: { estimatedCostUsd: true },
    where: {
      createdAt: { gte: since },
      NOT: { AND: [{ status: { in: ["failed", "canceled"] } }, { providerTaskId: null }] },
    },
  });
  return result._sum.estimatedCostUsd ?? 0;
}
