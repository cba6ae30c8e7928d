import type { ErrorCode } from "@/lib/errors";

/**
 * Whether sending the same request again would fail the same way, so the person should
 * change it first ("Edit & retry") rather than "Retry" it unchanged: a content-policy block
 * (at create, Kling 1300–1301, or as the task's failure reason after moderation) and a
 * request the provider or the studio found invalid. Outages, timeouts, busy accounts and
 * lost downloads are worth retrying as they are.
 *
 * The stored row keeps the error code and the message; the provider's moderation reasons
 * arrive only as text (contract §3.4, `task_status_msg`), so they are matched by wording.
 */
const CONTENT_POLICY =
  /content policy|risk control|moderat|sensitive|safety|violat|inappropriate|prohibited/i;
// describeFailure's wording for Kling 1200–1203 and plain 400s (lib/cometapi/classify-failure.ts).
const INVALID_REQUEST = /rejected the request/i;

export function failureNeedsEdit(generation: {
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
}): boolean {
  if (generation.status !== "failed") return false;
  const code = generation.errorCode ?? "";
  const message = generation.errorMessage ?? "";
  if (code === "invalid_input") return true;
  if (code !== "provider_rejected" && code !== "provider_failed") return false;
  return (
    CONTENT_POLICY.test(message) || (code === "provider_rejected" && INVALID_REQUEST.test(message))
  );
}

/** A key of the catalogs' `failure` namespace: what went wrong, in the reader's language. */
export type FailureExplanationKey =
  | ErrorCode
  | "timed_out"
  | "provider_failed"
  | "provider_busy"
  | "canceled"
  | "task_not_found"
  | "contentPolicy"
  | "invalidRequest"
  | "uncertain"
  | "unknown";

const BY_CODE: Record<string, FailureExplanationKey> = {
  invalid_input: "invalid_input",
  not_found: "not_found",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  rate_limited: "rate_limited",
  conflict: "conflict",
  provider_rejected: "provider_rejected",
  provider_unavailable: "provider_unavailable",
  provider_auth: "provider_auth",
  provider_billing: "provider_billing",
  provider_bad_response: "provider_bad_response",
  download_failed: "download_failed",
  timed_out: "timed_out",
  internal: "internal",
  provider_failed: "provider_failed",
  provider_busy: "provider_busy",
  canceled: "canceled",
  task_not_found: "task_not_found",
  create_answer_lost: "uncertain",
};

/**
 * The stored error code as a message key. The row's errorMessage stays as it was written
 * (it carries the provider's own words) and is shown beneath as the details; the
 * explanation a person reads first comes from the catalog. A blocked or invalid request is
 * told apart from other rejections by the same wording rules as failureNeedsEdit.
 */
export function failureExplanationKey(generation: {
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
}): FailureExplanationKey {
  const code = generation.errorCode ?? "";
  const message = generation.errorMessage ?? "";
  if (code === "provider_rejected" || code === "provider_failed") {
    if (CONTENT_POLICY.test(message)) return "contentPolicy";
    if (code === "provider_rejected" && INVALID_REQUEST.test(message)) return "invalidRequest";
  }
  if (generation.status === "uncertain") return "uncertain";
  return BY_CODE[code] ?? "unknown";
}
