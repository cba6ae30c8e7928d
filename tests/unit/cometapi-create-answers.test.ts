import { describe, expect, it } from "vitest";
import {
  getProviderErrorDetail,
  isAmbiguousCreateError,
  isProviderBusyError,
  isProviderDownError,
  isTaskNotFoundError,
} from "@/lib/cometapi/errors";
import type { CreateTaskInput } from "@/lib/cometapi/types";
import type { AppError } from "@/lib/errors";
import { setUpCometHarness } from "@/tests/helpers/comet-test-client";
import { klingError, newApiError, rejectionOf } from "@/tests/helpers/fake-provider";
import { sayEnglish } from "@/tests/helpers/say-english";

/**
 * How the client reads the provider's answers to a create, and a query for a task that is
 * gone (issue 9, points 4 and 6). Each create is sent exactly once.
 */
const comet = setUpCometHarness({
  apiKey: "sk-test-create-answers-0123456789",
  retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
});
const textOnly: CreateTaskInput = {
  prompt: "A red fox runs through snow",
  mode: "std",
  aspectRatio: "16:9",
  duration: "5",
  externalTaskId: "gen_01",
};

describe("create answers", () => {
  it("takes the older wrapper shape with a task id and no status as a created task", async () => {
    comet.provider.reply({
      json: { code: "success", message: "", data: { task_id: "878106484537192522" } },
    });
    const task = await comet.client().createTask(textOnly);
    expect(task).toMatchObject({ taskId: "878106484537192522", status: "submitted" });
    expect(comet.provider.requests).toHaveLength(1);
  });

  it("still refuses a wrapper answer with no task id (ambiguous: a task may exist)", async () => {
    comet.provider.reply({ json: { code: "success", message: "", data: {} } });
    const error = await rejectionOf<AppError>(comet.client().createTask(textOnly));
    expect(isAmbiguousCreateError(error)).toBe(true);
  });

  it.each([
    [500, 5000, "provider_internal"],
    [503, 5001, "maintenance"],
  ])(
    "HTTP %i with Kling %i: certain no task was made, the provider is down",
    async (status, code, reason) => {
      comet.provider.reply(klingError(status, code, "try later"));
      const error = await rejectionOf<AppError>(comet.client().createTask(textOnly));
      expect(getProviderErrorDetail(error)?.reason).toBe(reason);
      expect(isAmbiguousCreateError(error)).toBe(false);
      expect(isProviderDownError(error)).toBe(true);
      expect(isProviderBusyError(error)).toBe(false);
      expect(comet.provider.requests).toHaveLength(1);
    },
  );

  it("HTTP 504 with Kling 5002 (upstream timeout) may hide a created task: ambiguous", async () => {
    comet.provider.reply(klingError(504, 5002, "timeout"));
    const error = await rejectionOf<AppError>(comet.client().createTask(textOnly));
    expect(isAmbiguousCreateError(error)).toBe(true);
    expect(isProviderDownError(error)).toBe(false);
    expect(sayEnglish(error.message)).toMatch(/may or may not have been created/);
    expect(comet.provider.requests).toHaveLength(1);
  });

  it("1102 on a create is a billing problem, not a rate limit", async () => {
    comet.provider.reply(klingError(429, 1102, "resource pack used up"));
    const error = await rejectionOf<AppError>(comet.client().createTask(textOnly));
    expect(error.code).toBe("provider_billing");
    expect(sayEnglish(error.message)).toMatch(/^Billing problem/);
    expect(isProviderBusyError(error)).toBe(false);
    expect(isAmbiguousCreateError(error)).toBe(false);
  });

  it("1203 on a create stays an invalid request (unknown model), not 'task not found'", async () => {
    comet.provider.reply(klingError(404, 1203, "model not found"));
    const error = await rejectionOf<AppError>(comet.client().createTask(textOnly));
    expect(getProviderErrorDetail(error)?.reason).toBe("invalid_request");
    expect(isTaskNotFoundError(error)).toBe(false);
  });
});

describe("a query for a task the provider does not have", () => {
  it.each([
    ["Kling 1203 on 404", klingError(404, 1203, "task not found")],
    ["Kling 1203 on 400", klingError(400, 1203, "task not found")],
    ["new-api 404", newApiError(404, "task_not_exist", "task_not_exist")],
    ["plain 404", { status: 404, json: { error: { message: "not found", type: "x", code: "" } } }],
  ])("%s reads 'task not found', not 'invalid request', and is asked once", async (_n, reply) => {
    comet.provider.reply(reply);
    const error = await rejectionOf<AppError>(comet.client().getTask("878106484537192522"));
    expect(isTaskNotFoundError(error)).toBe(true);
    expect(sayEnglish(error.message)).toMatch(/^Task not found/);
    expect(comet.provider.requests).toHaveLength(1);
  });
});
