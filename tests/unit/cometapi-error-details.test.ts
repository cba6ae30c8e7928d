import { describe, expect, it } from "vitest";
import { createCometClient } from "@/lib/cometapi/client";
import {
  getProviderErrorDetail,
  isProviderBusyError,
  isRetryableProviderError,
} from "@/lib/cometapi/errors";
import type { AppError } from "@/lib/errors";
import { setUpCometHarness } from "@/tests/helpers/comet-test-client";
import {
  gatewayError as gateway,
  klingError as kling,
  newApiError as newApi,
  rejectionOf,
  type ScriptedReply,
} from "@/tests/helpers/fake-provider";
import { sayEnglish } from "@/tests/helpers/say-english";

const KEY = "sk-test-errors-0123456789abcdef";
const comet = setUpCometHarness({
  apiKey: KEY,
  retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  scope: "file",
});
const client = () => comet.client();

async function failWith(reply: ScriptedReply): Promise<AppError> {
  comet.provider.reply(reply);
  return rejectionOf<AppError>(client().getTask("task-1"));
}

describe("provider error details", () => {
  it("tells busy (1303, 429) apart from an account problem", async () => {
    expect(isProviderBusyError(await failWith(kling(429, 1303, "parallel task")))).toBe(true);
    expect(isProviderBusyError(await failWith(gateway(429, "slow down")))).toBe(true);
    const account = await failWith(kling(429, 1102, "resource pack used up"));
    expect(isProviderBusyError(account)).toBe(false);
    expect(isRetryableProviderError(account)).toBe(false);
    expect(isProviderBusyError(await failWith(gateway(400, "bad")))).toBe(false);
  });

  it("marks only temporary failures as retryable", async () => {
    expect(isRetryableProviderError(await failWith(gateway(503, "down")))).toBe(true);
    expect(isRetryableProviderError(await failWith(gateway(429, "busy")))).toBe(true);
    expect(isRetryableProviderError(await failWith(gateway(400, "bad")))).toBe(false);
    expect(isRetryableProviderError(await failWith(gateway(401, "key")))).toBe(false);
    expect(isRetryableProviderError(new Error("plain"))).toBe(false);
  });

  it("keeps the status, provider code, request id and a truncated body for logs", async () => {
    const error = await failWith({
      status: 400,
      json: { code: 1201, message: `bad ${"x".repeat(5_000)}`, request_id: "req-abc" },
    });
    const detail = getProviderErrorDetail(error);
    expect(detail).toMatchObject({ httpStatus: 400, providerCode: 1201, requestId: "req-abc" });
    expect(detail?.body?.length).toBeLessThan(2_100);
    expect(sayEnglish(error.message).length).toBeLessThan(400);
  });

  it("finds new-api's request id in its message", async () => {
    const error = await failWith(gateway(500, "upstream error (request id: 20260512abcDEF)"));
    expect(getProviderErrorDetail(error)?.requestId).toBe("20260512abcDEF");
  });

  it("keeps Retry-After in the detail", async () => {
    const error = await failWith({ ...gateway(429, "busy"), headers: { "retry-after": "7" } });
    expect(getProviderErrorDetail(error)?.retryAfterMs).toBe(7_000);
  });

  it("never lets the key into a message, a detail or a log line", async () => {
    const echo = `Invalid token: ${KEY} (Authorization: Bearer ${KEY})`;
    for (const reply of [gateway(401, echo), gateway(400, echo), newApi(500, "x", echo)]) {
      const error = await failWith(reply);
      expect(error.message).not.toContain(KEY);
      expect(JSON.stringify(error.detail)).not.toContain(KEY);
    }
    const rejected = await failWith(gateway(400, echo));
    expect(rejected.message).toContain("[redacted]");

    comet.warnings.length = 0;
    comet.provider.reply(gateway(503, echo), {
      json: { code: 0, data: { task_id: "t", task_status: "processing" } },
    });
    const retrying = createCometClient({
      baseUrl: comet.provider.baseUrl,
      apiKey: KEY,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      logger: {
        warn: (message, meta) => comet.warnings.push(`${message} ${JSON.stringify(meta)}`),
      },
    });
    await retrying.getTask("t");
    expect(comet.warnings).toHaveLength(1);
    expect(comet.warnings[0]).not.toContain(KEY);
  });
});
