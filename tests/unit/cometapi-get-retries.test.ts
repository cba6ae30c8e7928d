import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CometClientOptions, createCometClient } from "@/lib/cometapi/client";
import { getProviderErrorDetail } from "@/lib/cometapi/errors";
import type { AppError } from "@/lib/errors";
import {
  type FakeProvider,
  klingEnvelope,
  rejectionOf,
  type ScriptedReply,
  startFakeProvider,
} from "@/tests/helpers/fake-provider";

const KEY = "sk-test-get-0123456789abcdef";
const TASK = "878106484537192522";
const URL_OUT = "https://cdn.example.test/out.mp4";
let provider: FakeProvider;
let warnings: string[];

beforeEach(async () => {
  provider = await startFakeProvider();
  warnings = [];
});
afterEach(async () => {
  await provider.close();
});

function client(overrides: Partial<CometClientOptions> = {}) {
  return createCometClient({
    baseUrl: provider.baseUrl,
    apiKey: KEY,
    timeoutMs: 2_000,
    retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 4 },
    logger: { warn: (message, meta) => warnings.push(`${message} ${JSON.stringify(meta)}`) },
    ...overrides,
  });
}

const succeeded = klingEnvelope({
  task_id: TASK,
  task_status: "succeed",
  task_status_msg: "",
  task_info: { external_task_id: "gen_1" },
  task_result: { videos: [{ id: "v-1", url: URL_OUT, watermark_url: "x", duration: "5.1" }] },
  final_unit_deduction: "5",
  created_at: 1777385419126,
  updated_at: 1777385430317,
});

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
    provider.reply(busy, down, succeeded);
    const task = await client().getTask(TASK);
    expect(task.status).toBe("succeed");
    expect(provider.requests).toHaveLength(3);
    expect(warnings).toHaveLength(2);
    expect(warnings.join("\n")).not.toContain(KEY);
  });

  it.each([500, 502, 504, 524])("retries HTTP %i", async (status) => {
    provider.reply(
      { status, json: { error: { message: "upstream", type: "x", code: "" } } },
      succeeded,
    );
    expect((await client().getTask(TASK)).status).toBe("succeed");
    expect(provider.requests).toHaveLength(2);
  });

  it("retries a timeout and a dropped connection", async () => {
    provider.reply({ hang: true }, { destroy: true }, succeeded);
    const task = await client({ timeoutMs: 150 }).getTask(TASK);
    expect(task.status).toBe("succeed");
    expect(provider.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404])("does not retry HTTP %i", async (status) => {
    provider.reply({ status, json: { error: { message: "no", type: "x", code: "" } } }, succeeded);
    await rejectionOf(client().getTask(TASK));
    expect(provider.requests).toHaveLength(1);
  });

  it("does not retry an account problem (1102) even though it is a 429", async () => {
    provider.reply(
      { status: 429, json: { code: 1102, message: "resource pack exhausted" } },
      succeeded,
    );
    const error = await rejectionOf<AppError>(client().getTask(TASK));
    expect(error.code).toBe("rate_limited");
    expect(provider.requests).toHaveLength(1);
  });

  it("gives up after the configured attempts with the last error", async () => {
    provider.reply(down, down, down, succeeded);
    const error = await rejectionOf<AppError>(
      client({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } }).getTask(TASK),
    );
    expect(error.code).toBe("provider_unavailable");
    expect(getProviderErrorDetail(error)?.httpStatus).toBe(503);
    expect(provider.requests).toHaveLength(3);
  });

  it("honours Retry-After", async () => {
    provider.reply({ ...busy, headers: { "retry-after": "1" } }, succeeded);
    const started = Date.now();
    await client({
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, retryAfterCapMs: 5_000 },
    }).getTask(TASK);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(provider.requests).toHaveLength(2);
  });

  it("caps Retry-After", async () => {
    provider.reply({ ...busy, headers: { "retry-after": "120" } }, succeeded);
    const started = Date.now();
    await client({
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, retryAfterCapMs: 150 },
    }).getTask(TASK);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("stops waiting when the caller cancels during a backoff", async () => {
    provider.reply({ ...busy, headers: { "retry-after": "10" } }, succeeded);
    const started = Date.now();
    const error = await rejectionOf<AppError>(
      client({
        retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, retryAfterCapMs: 10_000 },
      }).getTask(TASK, { signal: AbortSignal.timeout(100) }),
    );
    expect(getProviderErrorDetail(error)?.reason).toBe("canceled");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(provider.requests).toHaveLength(1);
  });
});
