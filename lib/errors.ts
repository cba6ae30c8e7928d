import { localMessage } from "@/i18n/local-message";

/**
 * The one error type. `code` decides the HTTP status in routes and the `{ ok: false }`
 * shape in actions; `message` is always safe to show to a person: plain text, or a
 * `localMessage` that runAction / errorResponse put into the reader's language.
 */
export type ErrorCode =
  | "invalid_input"
  | "not_found"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "conflict"
  | "provider_rejected" // the provider refused the request (4xx, Kling 1xxx)
  | "provider_unavailable" // 5xx, timeouts, network: worth trying again later
  | "provider_auth" // bad or missing CometAPI key
  | "provider_billing" // the provider account is out of credit (Kling 1101–1102)
  | "provider_bad_response" // HTML, non-JSON or an unexpected shape
  | "download_failed"
  | "internal";

const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  conflict: 409,
  provider_rejected: 502,
  provider_unavailable: 503,
  provider_auth: 502,
  provider_billing: 502,
  provider_bad_response: 502,
  download_failed: 502,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: Record<string, string[]> | undefined;
  /** Extra detail for logs only; never sent to a browser. */
  readonly detail: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fieldErrors?: Record<string, string[]>; detail?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.detail = options.detail;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: ErrorCode; fieldErrors?: Record<string, string[]> };

/** One input problem, under the form field (or reference id) it belongs to. */
export type InputProblem = { field: string; message: string };

/**
 * The one refusal for bad input: every problem listed under its field, the first said in
 * full, so the form can mark each field and the toast reads as one sentence.
 */
export function invalidInputError(
  problems: InputProblem[],
  doing: "first" | "beforeGenerating" = "first",
): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const { field, message } of problems)
    fieldErrors[field] = [...(fieldErrors[field] ?? []), message];
  const first = problems[0]?.message ?? localMessage("errors.someSettings");
  const message =
    problems.length === 1
      ? first
      : localMessage("errors.manyProblems", { count: problems.length, doing, first });
  return new AppError("invalid_input", message, { fieldErrors });
}
