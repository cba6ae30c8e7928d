import { describe, expect, it } from "vitest";
import type { CometClientOptions } from "@/lib/cometapi/client";
import { getProviderErrorDetail } from "@/lib/cometapi/errors";
import type { AppError } from "@/lib/errors";
import {
  setUpCometHarness,
  succeededTaskEnvelope,
  TEST_RESULT_URL,
  TEST_TASK_ID,
} from "@/tests/helpers/comet-test-client";
import { rejectionOf, type ScriptedReply } from "@/tests/helpers/fake-provider";

const KEY = "sk-test-get-0123456789abcdef";
const TASK = TEST_TASK_ID;
const _URL_OUT = TEST_RESULT_URL;
const succeeded = succeededTaskEnvelope;
const comet = setUpCometHarness({
  apiKey: KEY,
  retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 4 },
});
const client = (overrides: Partial<CometClientOptions> = {}) => comet.client(overrides);

describe("getTask retries", () => {
  const busy: ScriptedReply = {
    status: 429,
    json: { error: { message: "too many", type: "x", code: "" } },
  };
  const down: ScriptedReply = {
    status: 503,
    text: "<html>down</html>",
    headers: { "content-type": "text/html" },
  };

  it("retries 429 then 503, then succeeds, logging each retry without the key", async () => {
    comet.provider.reply(busy, down, succeeded);
    const task = await client().getTask(TASK);
    expect(task.status).toBe("succeeded");
    expect(comet.provider.requests).toHaveLength(3);
    expect(comet.warnings).toHaveLength(2);
    expect(comet.warnings.join("\n")).not.toContain(KEY);
  });

  it.each([500, 502, 504, 524])("retries HTTP %i", async (status) => {
    comet.provider.reply(
      { status, json: { error: { message: "upstream", type: "x", code: "" } } },
      succeeded,
    );
    expect((await client().getTask(TASK)).status).toBe("succeeded");
    expect(comet.provider.requests).toHaveLength(2);
  });

  it("retries a timeout and a dropped connection", async () => {
    comet.provider.reply({ hang: true }, { destroy: true }, succeeded);
    const task = await client({ timeoutMs: 150 }).getTask(TASK);
    expect(task.status).toBe("succeeded");
    expect(comet.provider.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404])("does not retry HTTP %i", async (status) => {
    comet.provider.reply(
      { status, json: { error: { message: "no", type: "x", code: "" } } },
      succeeded,
    );
    await rejectionOf(client().getTask(TASK));
    expect(comet.provider.requests).toHaveLength(1);
  });

  it("does not retry a billing problem (1102) even though it is a 429", async () => {
    comet.provider.reply(
      { status: 429, json: { code: 1102, message: "resource pack exhausted" } },
      succeeded,
    );
    const error = await rejectionOf<AppError>(client().getTask(TASK));
    expect(error.code).toBe("provider_billing");
    expect(comet.provider.requests).toHaveLength(1);
  });

  it("gives up after the configured attempts with the last error", async () => {
    comet.provider.reply(down, down, down, succeeded);
    const error = await rejectionOf<AppError>(
      client({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } }).getTask(TASK),
    );
    expect(error.code).toBe("provider_unavailable");
    expect(getProviderErrorDetail(error)?.httpStatus).toBe(503);
    expect(comet.provider.requests).toHaveLength(3);
  });

  it("honours Retry-After", async () => {
    comet.provider.reply({ ...busy, headers: { "retry-after": "1" } }, succeeded);
    const started = Date.now();
    await client({
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, retryAfterCapMs: 5_000 },
    }).getTask(TASK);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(comet.provider.requests).toHaveLength(2);
  });

  it("caps Retry-After", async () => {
    comet.provider.reply({ ...busy, headers: { "retry-after": "120" } }, succeeded);
    const started = Date.now();
    await client({
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, retryAfterCapMs: 150 },
    }).getTask(TASK);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("stops waiting when the caller cancels during a backoff", async () => {
    comet.provider.reply({ ...busy, headers: { "retry-after": "10" } }, succeeded);
    const started = Date.now();
    const error = await rejectionOf<AppError>(
      client({
        retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, retryAfterCapMs: 10_000 },
      }).getTask(TASK, { signal: AbortSignal.timeout(100) }),
    );
    expect(getProviderErrorDetail(error)?.reason).toBe("canceled");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(comet.provider.requests).toHaveLength(1);
  });
});
