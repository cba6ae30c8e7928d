import { localMessage } from "@/i18n/local-message";
import { AppError, isAppError } from "@/lib/errors";
import {
  type Classification,
  classifyHttpStatus,
  classifyKlingCode,
  describeFailure,
  type ProviderFailureReason,
} from "./classify-failure";
import { CometEnvelopeSchema, CometGatewayErrorSchema } from "./raw-types";
import { redactAndTruncate, redactSecrets } from "./redact";

export type ProviderOperation =
  | "create"
  | "get"
  | "element_create"
  | "element_get"
  | "element_list"
  | "element_delete";

/** AppError.detail of every error this client throws. For logs; never shown to a browser. */
export type ProviderErrorDetail = {
  provider: "cometapi";
  operation: ProviderOperation;
  reason: ProviderFailureReason;
  /**
   * Create only: the request may have reached CometAPI, so a task may exist (and be billed).
   * Such a create must not be sent again blindly.
   */
  ambiguous: boolean;
  httpStatus?: number;
  providerCode?: string | number;
  requestId?: string;
  /** The raw body, redacted and truncated. */
  body?: string;
  retryAfterMs?: number;
  /** Network error code (ECONNREFUSED, UND_ERR_SOCKET, …) when there was no answer. */
  networkCode?: string;
};

export function getProviderErrorDetail(error: unknown): ProviderErrorDetail | undefined {
  if (!isAppError(error)) return undefined;
  const detail = error.detail as Partial<ProviderErrorDetail> | null | undefined;
  return detail && detail.provider === "cometapi" ? (detail as ProviderErrorDetail) : undefined;
}

/** True when a create may have reached the provider: mark the generation uncertain, don't resend. */
export function isAmbiguousCreateError(error: unknown): boolean {
  const detail = getProviderErrorDetail(error);
  return detail?.operation === "create" && detail.ambiguous;
}

/** True when the provider is saturated (Kling 1303, too fast, or HTTP 429): queue and retry later. */
export function isProviderBusyError(error: unknown): boolean {
  const reason = getProviderErrorDetail(error)?.reason;
  return reason === "too_many_tasks" || reason === "too_fast" || reason === "http_429";
}

/**
 * True when Kling itself said it is down (5000 internal error, 5001 maintenance): it made no
 * task, so a create may be queued and sent again later, like a busy answer.
 */
export function isProviderDownError(error: unknown): boolean {
  const detail = getProviderErrorDetail(error);
  return (
    detail !== undefined &&
    !detail.ambiguous &&
    (detail.reason === "provider_internal" || detail.reason === "maintenance")
  );
}

/** True when the provider says the task does not exist (a query answered 404 or 1203). */
export function isTaskNotFoundError(error: unknown): boolean {
  return getProviderErrorDetail(error)?.reason === "task_not_found";
}

/**
 * True when the same call may simply be tried again later. Never true for an ambiguous
 * create (that could bill twice), an account or billing problem or a cancellation.
 */
export function isRetryableProviderError(error: unknown): boolean {
  const detail = getProviderErrorDetail(error);
  if (!detail || detail.ambiguous || !isAppError(error)) return false;
  if (error.code === "rate_limited") return true;
  return error.code === "provider_unavailable" && detail.reason !== "canceled";
}

type ResponseFailure = {
  operation: ProviderOperation;
  status: number;
  headers: Headers;
  bodyText: string;
  json: unknown;
  secrets: readonly string[];
};

/** Turns a non-2xx answer, or a 2xx envelope whose `code` is not success, into an AppError. */
export function errorFromResponse(failure: ResponseFailure): AppError {
  const { operation, status, headers, secrets } = failure;
  const body = readErrorBody(failure.json);
  const message = truncate(redactSecrets(body.message ?? "", secrets).trim(), 300);
  const klingCode = typeof body.code === "number" ? body.code : undefined;
  const fromCode = klingCode !== undefined ? classifyKlingCode(klingCode) : undefined;
  const classification: Classification =
    taskNotFound(operation, status, klingCode) ??
    fromCode ??
    (body.code === "invalid_request"
      ? { code: "provider_rejected", reason: "invalid_request" }
      : status >= 200 && status < 300
        ? { code: "provider_rejected", reason: "invalid_request" }
        : classifyHttpStatus(status, message));
  // Kling's own 5000/5001 say "no task". A gateway 5xx (502, 504, 524, new-api's
  // do_request_failed…) may come after the upstream made the task, and so may Kling's 5002.
  const ambiguous =
    operation === "create" &&
    (classification.reason === "upstream" || classification.reason === "upstream_timeout");
  const retryAfterMs = parseRetryAfter(headers.get("retry-after"));
  const detail: ProviderErrorDetail = {
    provider: "cometapi",
    operation,
    reason: classification.reason,
    ambiguous,
    httpStatus: status,
    providerCode: body.code,
    requestId: body.requestId ?? findRequestId(headers, body.message),
    body: redactAndTruncate(failure.bodyText, secrets),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
  const described = describeFailure(classification.reason, status, message);
  const text = ambiguous
    ? localMessage("failureDetails.ambiguous", { reason: described })
    : described;
  return new AppError(classification.code, text, { detail });
}

/**
 * A query for an id the provider does not have: HTTP 404 (CometAPI, new-api's
 * task_not_exist) or Kling's 1203 (which on a create means an unknown model instead).
 */
function taskNotFound(
  operation: ProviderOperation,
  status: number,
  klingCode: number | undefined,
): Classification | undefined {
  if (operation !== "get" && operation !== "element_get") return undefined;
  if (klingCode === 1203 || (status === 404 && klingCode === undefined)) {
    return { code: "provider_rejected", reason: "task_not_found" };
  }
  return undefined;
}

type ErrorBody = { code?: string | number; message?: string; requestId?: string };

/** Reads the gateway `{error:{…}}`, new-api `{code:"…"}` and Kling `{code:<int>}` bodies. */
function readErrorBody(json: unknown): ErrorBody {
  const gateway = CometGatewayErrorSchema.safeParse(json);
  if (gateway.success) {
    return {
      code: normalizeCode(gateway.data.error.code),
      message: gateway.data.error.message ?? undefined,
    };
  }
  const envelope = CometEnvelopeSchema.safeParse(json);
  if (envelope.success) {
    return {
      code: normalizeCode(envelope.data.code),
      message: envelope.data.message ?? undefined,
      requestId: envelope.data.request_id ?? undefined,
    };
  }
  return {};
}

/** Relays sometimes pass Kling's numeric code through as a string ("1303"). */
function normalizeCode(code: string | number | null | undefined): string | number | undefined {
  if (code === null || code === undefined) return undefined;
  if (typeof code === "string" && /^\d+$/.test(code)) return Number(code);
  return code;
}

function findRequestId(headers: Headers, message: string | undefined): string | undefined {
  for (const name of ["x-request-id", "x-oneapi-request-id", "request-id"]) {
    const value = headers.get(name);
    if (value) return value;
  }
  // new-api appends "(request id: …)" to its messages.
  return message?.match(/request id:\s*([A-Za-z0-9_-]+)/i)?.[1];
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
