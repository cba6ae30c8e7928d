import "server-only";
import { localMessage } from "@/i18n/local-message";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sumEstimatedSpendSince } from "@/lib/generations/generation-repository";

/**
 * The optional daily budget in estimated USD (DAILY_BUDGET_USD): a generation that would
 * take today's estimated spend past it is refused with a message a person can act on.
 */
export async function assertWithinDailyBudget(estimatedCostUsd: number): Promise<void> {
  const budget = getEnv().security.dailyBudgetUsd;
  if (budget === undefined) return;
  const spent = await sumEstimatedSpendSince(startOfUtcDay());
  if (spent + Math.max(0, estimatedCostUsd) > budget + 1e-9) {
    throw new AppError(
      "rate_limited",
      // Amounts as numbers: the catalog formats them as USD in the reader's language.
      localMessage("serverErrors.budgetSpent", {
        budget,
        spent,
        cost: estimatedCostUsd,
      }),
    );
  }
}

function startOfUtcDay(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
