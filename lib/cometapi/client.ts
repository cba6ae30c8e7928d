import { AppError } from "@/lib/errors";
import { buildCreateTaskBody } from "./build-create-body";
import { providerConnection } from "./connection";
import { getProviderErrorDetail, isRetryableProviderError } from "./errors";
import { toProviderTask } from "./parse-task";
import { redactSecrets } from "./redact";
import { computeRetryDelay, type RetryOptions, sleep } from "./retry";
import { sendProviderRequest } from "./transport";
import type { CometClient, CreateTaskInput, ProviderTask } from "./types";

export type CometLogger = {
  warn(message: string, meta?: Record<string, unknown>): void;
};

export type CometClientOptions = {
  /** e.g. https://api.cometapi.com (no trailing /kling…). */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryOptions>;
  /** Per HTTP attempt, headers and body included. */
  timeoutMs?: number;
  logger?: CometLogger;
};

const OMNI_PATH = "/kling/v1/videos/omni-video";

const consoleLogger: CometLogger = {
  warn: (message, meta) => console.warn(message, meta ?? ""),
};

/**
 * The CometAPI client. Pure (no server-only, no env) so tests can point it at a local fake;
 * the app gets its instance from getCometClient().
 */
export function createCometClient(options: CometClientOptions): CometClient {
  const { baseUrl, retry, secrets, transport, headers } = providerConnection(options);
  const logger = options.logger ?? consoleLogger;
  const log = (message: string, meta: Record<string, unknown>) =>
    logger.warn(
      redactSecrets(message, secrets),
      JSON.parse(redactSecrets(JSON.stringify(meta), secrets)),
    );

  async function createTask(
    input: CreateTaskInput,
    callOptions?: { signal?: AbortSignal },
  ): Promise<ProviderTask> {
    const body = buildCreateTaskBody(input);
    try {
      // Exactly one attempt: a lost answer may hide a task that is already billed.
      const answer = await sendProviderRequest(transport, {
        operation: "create",
        method: "POST",
        url: `${baseUrl}${OMNI_PATH}`,
        headers: headers(true),
        body,
        signal: callOptions?.signal,
      });
      return toProviderTask(answer.json, {
        operation: "create",
        bodyText: answer.bodyText,
        secrets,
      });
    } catch (error) {
      const detail = getProviderErrorDetail(error);
      if (detail?.ambiguous) {
        log("cometapi: create outcome unknown, not resent", {
          externalTaskId: input.externalTaskId,
          reason: detail.reason,
          httpStatus: detail.httpStatus,
        });
      }
      throw error;
    }
  }

  async function getTask(
    taskId: string,
    callOptions?: { signal?: AbortSignal },
  ): Promise<ProviderTask> {
    if (!taskId.trim()) throw new AppError("invalid_input", "A provider task id is required.");
    const url = `${baseUrl}${OMNI_PATH}/${encodeURIComponent(taskId)}`;
    const signal = callOptions?.signal;
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await sendProviderRequest(transport, {
          operation: "get",
          method: "GET",
          url,
          headers: headers(false),
          signal,
        });
        return toProviderTask(answer.json, {
          operation: "get",
          fallbackTaskId: taskId,
          bodyText: answer.bodyText,
          secrets,
        });
      } catch (error) {
        if (attempt >= retry.attempts || !isRetryableProviderError(error)) throw error;
        const detail = getProviderErrorDetail(error);
        const delayMs = computeRetryDelay(attempt - 1, retry, detail?.retryAfterMs);
        log("cometapi: query failed, retrying", {
          taskId,
          attempt,
          delayMs,
          reason: detail?.reason,
          httpStatus: detail?.httpStatus,
          requestId: detail?.requestId,
        });
        await sleep(delayMs, signal);
      }
    }
  }

  return { createTask, getTask };
}
