import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  getProviderErrorDetail,
  isAmbiguousCreateError,
  isProviderBusyError,
  isRetryableProviderError,
} from "@/lib/cometapi/errors";
import type { CreateTaskInput } from "@/lib/cometapi/types";
import type { AppError } from "@/lib/errors";
import { setUpCometHarness } from "@/tests/helpers/comet-test-client";
import { klingEnvelope, rejectionOf } from "@/tests/helpers/fake-provider";
import { sayEnglish } from "@/tests/helpers/say-english";

const KEY = "sk-test-create-0123456789abcdef";
const comet = setUpCometHarness({
  apiKey: KEY,
  retry: { attempts: 5, baseDelayMs: 1, maxDelayMs: 2 },
});

/** The trailing slash on the base URL is deliberate: the client must trim it. */
function client(timeoutMs = 2_000, baseUrl = comet.provider.baseUrl) {
  return comet.client({ baseUrl: `${baseUrl}/`, timeoutMs });
}

const textOnly: CreateTaskInput = {
  prompt: "A red fox runs through snow",
  mode: "std",
  aspectRatio: "16:9",
  duration: "5",
  externalTaskId: "gen_01",
};

describe("createTask is never retried", () => {
  it("reports a gateway 503 as ambiguous after one request", async () => {
    comet.provider.reply({
      status: 503,
      json: { error: { message: "upstream busy", type: "comet_api_error", code: "" } },
    });
    const error = await rejectionOf<AppError>(client().createTask(textOnly));
    expect(error.code).toBe("provider_unavailable");
    expect(isAmbiguousCreateError(error)).toBe(true);
    expect(isRetryableProviderError(error)).toBe(false);
    expect(sayEnglish(error.message)).toMatch(/may or may not have been created/);
    expect(comet.provider.requests).toHaveLength(1);
  });

  it("treats Kling's own 5000 answer as certain: no task was made", async () => {
    comet.provider.reply({
      status: 500,
      json: { code: 5000, message: "internal error", request_id: "r-1" },
    });
    const error = await rejectionOf<AppError>(client().createTask(textOnly));
    expect(error.code).toBe("provider_unavailable");
    expect(isAmbiguousCreateError(error)).toBe(false);
    expect(isRetryableProviderError(error)).toBe(true);
    expect(comet.provider.requests).toHaveLength(1);
  });

  it("reports a timeout as ambiguous after one request", async () => {
    comet.provider.reply({ hang: true });
    const error = await rejectionOf<AppError>(client(100).createTask(textOnly));
    expect(error.code).toBe("provider_unavailable");
    expect(getProviderErrorDetail(error)?.reason).toBe("timeout");
    expect(isAmbiguousCreateError(error)).toBe(true);
    expect(comet.provider.requests).toHaveLength(1);
  });

  it("reports a connection dropped after sending as ambiguous", async () => {
    comet.provider.reply({ destroy: true });
    const error = await rejectionOf<AppError>(client().createTask(textOnly));
    expect(getProviderErrorDetail(error)?.reason).toBe("network");
    expect(isAmbiguousCreateError(error)).toBe(true);
    expect(comet.provider.requests).toHaveLength(1);
  });

  it("reports a refused connection as certain: nothing was sent", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await rejectionOf<AppError>(
      client(2_000, `http://127.0.0.1:${port}`).createTask(textOnly),
    );
    expect(error.code).toBe("provider_unavailable");
    expect(getProviderErrorDetail(error)?.networkCode).toBe("ECONNREFUSED");
    expect(isAmbiguousCreateError(error)).toBe(false);
    expect(isRetryableProviderError(error)).toBe(true);
  });

  it("reports 1303 (too many running tasks) as busy, not ambiguous", async () => {
    comet.provider.reply({
      status: 429,
      json: { code: 1303, message: "parallel task over resource pack limit", request_id: "r-2" },
    });
    const error = await rejectionOf<AppError>(client().createTask(textOnly));
    expect(error.code).toBe("rate_limited");
    expect(isProviderBusyError(error)).toBe(true);
    expect(isAmbiguousCreateError(error)).toBe(false);
    expect(comet.provider.requests).toHaveLength(1);
  });

  it("treats a success answer without a task id as ambiguous", async () => {
    comet.provider.reply(klingEnvelope({ task_info: {} }));
    const error = await rejectionOf<AppError>(client().createTask(textOnly));
    expect(error.code).toBe("provider_bad_response");
    expect(isAmbiguousCreateError(error)).toBe(true);
  });

  it("sends nothing when the caller has already canceled, and is ambiguous when canceled in flight", async () => {
    const error = await rejectionOf<AppError>(
      client().createTask(textOnly, { signal: AbortSignal.abort() }),
    );
    expect(isAmbiguousCreateError(error)).toBe(false);
    expect(comet.provider.requests).toHaveLength(0);

    comet.provider.reply({ hang: true });
    const inFlight = await rejectionOf<AppError>(
      client().createTask(textOnly, { signal: AbortSignal.timeout(80) }),
    );
    expect(getProviderErrorDetail(inFlight)?.reason).toBe("canceled");
    expect(isAmbiguousCreateError(inFlight)).toBe(true);
    expect(comet.provider.requests).toHaveLength(1);
  });
});
