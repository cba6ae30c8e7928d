import { readLocalMessage } from "@/i18n/local-message";
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
// describeFailure's wording for Kling 1200–1203 and plain 400s, on rows stored before it
// became a catalog message (lib/cometapi/classify-failure.ts).
const INVALID_REQUEST = /rejected the request/i;

/** The stored message names a content-policy block: by its catalog key, or by wording. */
function saysContentPolicy(message: string): boolean {
  return (
    messageKeys(message).includes("failureDetails.content_policy") || CONTENT_POLICY.test(message)
  );
}

function saysInvalidRequest(message: string): boolean {
  return (
    messageKeys(message).includes("failureDetails.invalid_request") || INVALID_REQUEST.test(message)
  );
}

/** The catalog keys in a stored local message and in the messages inside its values. */
function messageKeys(message: string): string[] {
  const local = readLocalMessage(message);
  if (!local) return [];
  const inner = Object.values(local.values ?? {}).flatMap((value) =>
    typeof value === "string" ? messageKeys(value) : [],
  );
  return [local.key, ...inner];
}

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
    saysContentPolicy(message) || (code === "provider_rejected" && saysInvalidRequest(message))
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
 * The stored error code as a message key. The row's errorMessage (a failureDetails local
 * message with the provider's own words inside, or plain English on older rows) is shown
 * beneath as the details, said with useSay; the
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
    if (saysContentPolicy(message)) return "contentPolicy";
    if (code === "provider_rejected" && saysInvalidRequest(message)) return "invalidRequest";
  }
  if (generation.status === "uncertain") return "uncertain";
  return BY_CODE[code] ?? "unknown";
}
