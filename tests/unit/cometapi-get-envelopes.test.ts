import { describe, expect, it } from "vitest";
import type { CometClientOptions } from "@/lib/cometapi/client";
import type { AppError } from "@/lib/errors";
import {
  setUpCometHarness,
  succeededTaskEnvelope,
  TEST_RESULT_URL,
  TEST_TASK_ID,
} from "@/tests/helpers/comet-test-client";
import { klingEnvelope, rejectionOf } from "@/tests/helpers/fake-provider";
import { sayEnglish } from "@/tests/helpers/say-english";

const KEY = "sk-test-get-0123456789abcdef";
const TASK = TEST_TASK_ID;
const URL_OUT = TEST_RESULT_URL;
const succeeded = succeededTaskEnvelope;
const comet = setUpCometHarness({
  apiKey: KEY,
  retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 4 },
});
const client = (overrides: Partial<CometClientOptions> = {}) => comet.client(overrides);

describe("getTask envelopes", () => {
  it("reads the Kling shape (§3.2) and asks the right URL with the key", async () => {
    comet.provider.reply(succeeded);
    const task = await client().getTask(TASK);
    expect(task).toEqual({
      taskId: TASK,
      status: "succeeded",
      statusMessage: undefined,
      videoUrl: URL_OUT,
      videoDurationSeconds: 5.1,
      createdAt: new Date(1777385419126),
      updatedAt: new Date(1777385430317),
    });
    const [request] = comet.provider.requests;
    expect(request?.method).toBe("GET");
    expect(request?.path).toBe(`/kling/v1/videos/omni-video/${TASK}`);
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("URL-encodes the task id", async () => {
    comet.provider.reply(
      klingEnvelope({ task_id: "a/b c?", task_status: "processing", task_result: {} }),
    );
    await client().getTask("a/b c?");
    expect(comet.provider.requests[0]?.path).toBe("/kling/v1/videos/omni-video/a%2Fb%20c%3F");
  });

  it("reads a running task with an empty task_result", async () => {
    comet.provider.reply(
      klingEnvelope({ task_id: TASK, task_status: "processing", task_result: {} }),
    );
    const task = await client().getTask(TASK);
    expect(task.status).toBe("processing");
    expect(task.videoUrl).toBeUndefined();
  });

  it("takes the failure reason from task_status_msg even when message says SUCCEED", async () => {
    comet.provider.reply(
      klingEnvelope({
        task_id: TASK,
        task_status: "failed",
        task_status_msg: "Image pixel is invalid",
      }),
    );
    const task = await client().getTask(TASK);
    expect(task.status).toBe("failed");
    expect(task.statusMessage).toBe("Image pixel is invalid");
  });

  it("reads the new-api wrapper (§3.3) with the Kling task at data.data", async () => {
    comet.provider.reply({
      json: {
        code: "success",
        message: "",
        data: {
          task_id: TASK,
          action: "OMNI_VIDEO",
          status: "SUCCESS",
          progress: "100%",
          fail_reason: "",
          data: { task_status: "succeed", task_result: { videos: [{ url: URL_OUT }] } },
        },
      },
    });
    const task = await client().getTask(TASK);
    expect(task).toMatchObject({ taskId: TASK, status: "succeeded", videoUrl: URL_OUT });
  });

  it("finds the Kling task at data.data.data when a relay wraps the whole envelope", async () => {
    comet.provider.reply({
      json: {
        code: "success",
        message: "",
        data: {
          task_id: TASK,
          status: "SUCCESS",
          data: {
            code: 0,
            message: "SUCCEED",
            data: {
              task_id: TASK,
              task_status: "succeeded",
              task_result: { videos: [{ url: URL_OUT, duration: "10" }] },
              created_at: 1777385419126,
            },
          },
        },
      },
    });
    const task = await client().getTask(TASK);
    expect(task).toMatchObject({
      status: "succeeded",
      videoUrl: URL_OUT,
      videoDurationSeconds: 10,
      createdAt: new Date(1777385419126),
    });
  });

  it.each([
    ["SUBMITTED", "submitted"],
    ["IN_PROGRESS", "processing"],
    ["FAILURE", "failed"],
  ] as const)("falls back to the wrapper's status %s", async (outer, expected) => {
    comet.provider.reply({
      json: {
        code: "success",
        data: {
          status: outer,
          fail_reason: outer === "FAILURE" ? "upstream timeout" : "",
          data: null,
        },
      },
    });
    const task = await client().getTask(TASK);
    expect(task.taskId).toBe(TASK);
    expect(task.status).toBe(expected);
    expect(task.statusMessage).toBe(outer === "FAILURE" ? "upstream timeout" : undefined);
  });

  it("trusts the wrapper's FAILURE over a stale inner status", async () => {
    comet.provider.reply({
      json: {
        code: "success",
        data: {
          status: "FAILURE",
          fail_reason: "task timeout",
          data: { task_status: "processing" },
        },
      },
    });
    expect((await client().getTask(TASK)).status).toBe("failed");
  });

  it("rejects a finished task without a video URL as a bad response", async () => {
    comet.provider.reply(
      klingEnvelope({ task_id: TASK, task_status: "succeed", task_result: { videos: [] } }),
    );
    const error = await rejectionOf<AppError>(client().getTask(TASK));
    expect(error.code).toBe("provider_bad_response");
  });

  it("rejects an answer with no status anywhere", async () => {
    comet.provider.reply(klingEnvelope({ something: "else" }));
    const error = await rejectionOf<AppError>(client().getTask(TASK));
    expect(error.code).toBe("provider_bad_response");
    expect(sayEnglish(error.message)).toMatch(/unexpected shape/);
  });
});
