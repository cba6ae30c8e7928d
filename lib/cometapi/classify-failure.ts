import { localMessage, type MessageKey } from "@/i18n/local-message";
import type { ErrorCode } from "@/lib/errors";

/** Why a provider call failed, finer than ErrorCode; kept in AppError.detail.reason. */
export type ProviderFailureReason =
  | "auth" // 401, Kling 1000–1004
  | "invalid_request" // 400, Kling 1200–1203, gateway `invalid_request`
  | "content_policy" // Kling 1300–1301
  | "no_access" // 403, Kling 1103: no access to the model, or the key's quota is spent
  | "not_found" // 404 on a create: unknown route or model
  | "task_not_found" // a query answered 404 or Kling 1203: the provider has no such task
  | "ip_whitelist" // Kling 1304
  | "account" // Kling 1100: an account problem
  | "billing" // Kling 1101–1102: payment overdue, resource pack used up
  | "too_fast" // Kling 1302
  | "too_many_tasks" // Kling 1303: parallel task limit
  | "http_429" // plain 429 without a Kling code
  | "upstream" // 5xx without Kling's own code (a gateway's 502/504/524 …)
  | "provider_internal" // Kling 5000: no task was made; try again later
  | "maintenance" // Kling 5001: no task was made; try again later
  | "upstream_timeout" // Kling 5002: the task may exist after all
  | "timeout"
  | "network"
  | "canceled"
  | "bad_response"
  | "redirect";

export type Classification = { code: ErrorCode; reason: ProviderFailureReason };

/** Kling's service codes (contract §4), which win over the HTTP status when present. */
export function classifyKlingCode(code: number): Classification | undefined {
  if (code >= 1000 && code <= 1004) return { code: "provider_auth", reason: "auth" };
  if (code === 1100) return { code: "provider_rejected", reason: "account" };
  // Not a rate limit, although Kling answers it with HTTP 429: waiting does not help.
  if (code === 1101 || code === 1102) return { code: "provider_billing", reason: "billing" };
  if (code === 1103) return { code: "provider_rejected", reason: "no_access" };
  if (code >= 1200 && code <= 1203) return { code: "provider_rejected", reason: "invalid_request" };
  if (code === 1300 || code === 1301)
    return { code: "provider_rejected", reason: "content_policy" };
  if (code === 1302) return { code: "rate_limited", reason: "too_fast" };
  if (code === 1303) return { code: "rate_limited", reason: "too_many_tasks" };
  if (code === 1304) return { code: "provider_rejected", reason: "ip_whitelist" };
  if (code === 5000) return { code: "provider_unavailable", reason: "provider_internal" };
  if (code === 5001) return { code: "provider_unavailable", reason: "maintenance" };
  if (code === 5002) return { code: "provider_unavailable", reason: "upstream_timeout" };
  return undefined;
}

export function classifyHttpStatus(status: number, providerMessage: string): Classification {
  if (status === 401) return { code: "provider_auth", reason: "auth" };
  if (status === 403) return { code: "provider_rejected", reason: "no_access" };
  if (status === 404) return { code: "provider_rejected", reason: "not_found" };
  if (status === 429) {
    // Kling's 1303 text, in case a relay drops the numeric code but keeps the message.
    const parallel = /parallel task/i.test(providerMessage);
    return { code: "rate_limited", reason: parallel ? "too_many_tasks" : "http_429" };
  }
  if (status >= 500) return { code: "provider_unavailable", reason: "upstream" };
  if (status >= 300 && status < 400) return { code: "provider_bad_response", reason: "redirect" };
  return { code: "provider_rejected", reason: "invalid_request" };
}

/**
 * What a person reads about the failure, as a local message (failureDetails namespace): it
 * is stored as a failed generation's errorMessage and said in the reader's language where it
 * is shown. The provider's own text, already redacted, rides along untranslated.
 */
export function describeFailure(
  reason: ProviderFailureReason,
  status: number,
  providerMessage: string,
): string {
  const explanation = localMessage(failureDetailKey(reason), { status });
  return providerMessage
    ? localMessage("failureDetails.withProviderText", {
        reason: explanation,
        text: providerMessage,
      })
    : explanation;
}

const DETAIL_KEYS = {
  auth: "failureDetails.auth",
  invalid_request: "failureDetails.invalid_request",
  content_policy: "failureDetails.content_policy",
  no_access: "failureDetails.no_access",
  not_found: "failureDetails.not_found",
  task_not_found: "failureDetails.task_not_found",
  ip_whitelist: "failureDetails.ip_whitelist",
  account: "failureDetails.account",
  billing: "failureDetails.billing",
  too_fast: "failureDetails.too_fast",
  too_many_tasks: "failureDetails.too_many_tasks",
  http_429: "failureDetails.http_429",
  upstream: "failureDetails.upstream",
  provider_internal: "failureDetails.provider_internal",
  maintenance: "failureDetails.maintenance",
  upstream_timeout: "failureDetails.upstream_timeout",
} as const satisfies Partial<Record<ProviderFailureReason, MessageKey>>;

function failureDetailKey(reason: ProviderFailureReason): MessageKey {
  return reason in DETAIL_KEYS
    ? DETAIL_KEYS[reason as keyof typeof DETAIL_KEYS]
    : "failureDetails.unexpected";
}
