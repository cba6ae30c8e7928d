import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import type { ProviderFailureReason } from "./classify-failure";
import { errorFromResponse, type ProviderErrorDetail, type ProviderOperation } from "./errors";
import { CometGatewayErrorSchema, parseJsonKeepingIds } from "./raw-types";
import { redactAndTruncate, redactSecrets } from "./redact";

const CANCELED = localMessage("failureDetails.requestCanceled");
const same = (reason: string) => reason;

export type TransportConfig = {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Strings to scrub from anything kept in an error (the API key). */
  secrets: readonly string[];
};

export type ProviderRequest = {
  operation: ProviderOperation;
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal | undefined;
};

/**
 * Failures that happen before a single byte of the request leaves this machine: no DNS
 * answer, nobody listening, no route, TLS handshake refused, a malformed URL. Anything else
 * (reset, socket closed, timeout) may come after the provider read the request.
 */
const PRE_SEND_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "ENETDOWN",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_INVALID_URL",
]);
const PRE_SEND_PREFIXES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_)/;

export type ProviderAnswer = { json: unknown; bodyText: string };

/** One HTTP exchange, never retried here. Resolves only with a successful envelope. */
export async function sendProviderRequest(
  config: TransportConfig,
  request: ProviderRequest,
): Promise<ProviderAnswer> {
  const { operation, signal } = request;
  if (signal?.aborted) {
    throw failure(operation, "provider_unavailable", "canceled", CANCELED, { ambiguous: false });
  }
  const timeout = AbortSignal.timeout(config.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await config.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: combined,
      // A 301 means a wrong base URL; following it would turn a POST into a GET elsewhere.
      redirect: "manual",
    });
  } catch (error) {
    throw failureWithoutAnswer(error, request, config, timeout, false);
  }
  let bodyText: string;
  try {
    bodyText = await response.text();
  } catch (error) {
    throw failureWithoutAnswer(error, request, config, timeout, true);
  }
  const json = interpretResponse(response, bodyText, operation, config.secrets);
  return { json, bodyText };
}

function interpretResponse(
  response: Response,
  bodyText: string,
  operation: ProviderOperation,
  secrets: readonly string[],
): unknown {
  const { status, headers } = response;
  const contentType = headers.get("content-type") ?? "";
  const isJson = /\bjson\b/i.test(contentType);
  const body = redactAndTruncate(bodyText, secrets);
  if (status >= 300 && status < 400) {
    const location = redactSecrets(headers.get("location") ?? "an unknown place", secrets);
    throw failure(
      operation,
      "provider_bad_response",
      "redirect",
      localMessage("failureDetails.redirected", { status, location }),
      { ambiguous: false, httpStatus: status, body },
    );
  }
  const json = tryParseJson(bodyText, isJson || /^\s*[{[]/.test(bodyText));
  if (status < 200 || status >= 300) {
    throw errorFromResponse({ operation, status, headers, bodyText, json: json.value, secrets });
  }
  if (!isJson) {
    const kind = contentType.split(";")[0]?.trim() || "no content type";
    throw failure(
      operation,
      "provider_bad_response",
      "bad_response",
      localMessage("failureDetails.notJson", { kind, status }),
      { ambiguous: false, httpStatus: status, body },
    );
  }
  if (!json.ok) {
    // A JSON answer cut short may still have come from a task that now exists.
    throw failure(
      operation,
      "provider_bad_response",
      "bad_response",
      localMessage("failureDetails.invalidJson"),
      {
        ambiguous: operation === "create",
        httpStatus: status,
        body,
      },
    );
  }
  if (!isSuccessEnvelope(json.value)) {
    throw errorFromResponse({ operation, status, headers, bodyText, json: json.value, secrets });
  }
  return json.value;
}

/** `code` 0 (Kling) or "success" (new-api); an `error` object means failure even on 200. */
function isSuccessEnvelope(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (CometGatewayErrorSchema.safeParse(value).success) return false;
  const code = (value as { code?: unknown }).code;
  return code === undefined || code === 0 || code === "0" || code === "success";
}

function tryParseJson(text: string, attempt: boolean): { ok: boolean; value: unknown } {
  if (!attempt) return { ok: false, value: undefined };
  try {
    return { ok: true, value: parseJsonKeepingIds(text) };
  } catch {
    return { ok: false, value: undefined };
  }
}

function failureWithoutAnswer(
  error: unknown,
  request: ProviderRequest,
  config: TransportConfig,
  timeout: AbortSignal,
  answered: boolean,
): AppError {
  const { operation } = request;
  const create = operation === "create";
  // A create that may have reached CometAPI says so around its reason.
  const unsure = (reason: string) => localMessage("failureDetails.ambiguous", { reason });
  if (request.signal?.aborted) {
    return failure(
      operation,
      "provider_unavailable",
      "canceled",
      create ? unsure(CANCELED) : CANCELED,
      {
        ambiguous: create,
        cause: error,
      },
    );
  }
  if (timeout.aborted) {
    const seconds = Math.round(config.timeoutMs / 100) / 10;
    return failure(
      operation,
      "provider_unavailable",
      "timeout",
      (create ? unsure : same)(localMessage("failureDetails.noAnswerWithin", { seconds })),
      { ambiguous: create, cause: error },
    );
  }
  const networkCode = findNetworkCode(error);
  const preSend =
    !answered &&
    networkCode !== undefined &&
    (PRE_SEND_CODES.has(networkCode) || PRE_SEND_PREFIXES.test(networkCode));
  const ambiguous = create && !preSend;
  const what = preSend
    ? localMessage("failureDetails.couldNotConnect", { code: networkCode })
    : (ambiguous ? unsure : same)(
        networkCode
          ? localMessage("failureDetails.connectionFailed", { code: networkCode })
          : localMessage("failureDetails.connectionFailedNoCode"),
      );
  return failure(operation, "provider_unavailable", "network", what, {
    ambiguous,
    cause: error,
    ...(networkCode ? { networkCode } : {}),
  });
}

/** undici wraps the system error: TypeError("fetch failed").cause.code, sometimes an AggregateError. */
function findNetworkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === "string") return candidate.code;
    current =
      candidate.cause ?? (Array.isArray(candidate.errors) ? candidate.errors[0] : undefined);
  }
  return undefined;
}

type FailureExtras = Partial<Omit<ProviderErrorDetail, "provider" | "operation" | "reason">> & {
  ambiguous: boolean;
  cause?: unknown;
};

export function failure(
  operation: ProviderOperation,
  code: "provider_unavailable" | "provider_bad_response",
  reason: ProviderFailureReason,
  message: string,
  extras: FailureExtras,
): AppError {
  const { cause, ...rest } = extras;
  const detail: ProviderErrorDetail = { provider: "cometapi", operation, reason, ...rest };
  return new AppError(code, message, { detail, cause });
}
