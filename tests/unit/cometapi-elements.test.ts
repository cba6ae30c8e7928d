import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createElementClient } from "@/lib/cometapi/elements-client";
import { isElementsUnsupportedError } from "@/lib/cometapi/elements-support";
import type { ElementClient } from "@/lib/cometapi/elements-types";
import { isAppError } from "@/lib/errors";
import {
  type FakeProvider,
  gatewayError,
  klingEnvelope,
  klingError,
  startFakeProvider,
} from "@/tests/helpers/fake-provider";

const KEY = "sk-test-elements-0123456789";
/** Above 2^53: a JS number would turn it into …992. */
const BIG_ID = "9007199254740993";
const TASK = "878106484537192999";

let provider: FakeProvider;
let client: ElementClient;
beforeEach(async () => {
  provider = await startFakeProvider();
  client = createElementClient({
    baseUrl: provider.baseUrl,
    apiKey: KEY,
    timeoutMs: 2_000,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  });
});
afterEach(() => provider.close());

const heroInput = {
  name: "Hero",
  description: "A red-caped hero",
  tag: "character" as const,
  frontImage: "https://media.example.test/front.png",
  otherImages: ["data:image/png;base64,iVBORw0KGgo="],
  externalTaskId: "elt_1",
};

/** A finished element task, with the id written as a bare 64-bit integer. */
const succeededText = `{"code":0,"message":"success","request_id":"r","data":{"task_id":"${TASK}","task_status":"succeed","task_status_msg":"","task_result":{"elements":[{"element_id":${BIG_ID},"element_name":"Hero","element_description":"A red-caped hero","reference_type":"image_refer","element_image_list":{"frontal_image":"https://cdn.example.test/f.png","refer_images":[]},"tag_list":[{"id":"o_102","name":"人物"}]}]}}}`;

describe("createElement", () => {
  it("posts the §6 body with the key and reads the task id", async () => {
    provider.reply(klingEnvelope({ task_id: TASK, task_status: "submitted" }));
    const task = await client.createElement(heroInput);
    expect(task).toEqual({
      taskId: TASK,
      status: "submitted",
      statusMessage: undefined,
      element: undefined,
    });
    const [request] = provider.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/kling/v1/general/advanced-custom-elements");
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.bodyText ?? "")).toEqual({
      element_name: "Hero",
      element_description: "A red-caped hero",
      reference_type: "image_refer",
      element_image_list: {
        frontal_image: "https://media.example.test/front.png",
        // base64 goes bare: Kling wants no data: prefix (contract §9.1).
        refer_images: [{ image_url: "iVBORw0KGgo=" }],
      },
      tag_list: [{ tag_id: "o_102" }],
      external_task_id: "elt_1",
    });
  });

  it("is sent once even when the answer is a 503", async () => {
    provider.reply(gatewayError(503, "upstream busy"));
    await expect(client.createElement(heroInput)).rejects.toMatchObject({
      code: "provider_unavailable",
    });
    expect(provider.requests).toHaveLength(1);
  });

  it("reads new-api's wrapper answer (task id, no Kling status) as submitted", async () => {
    provider.reply({ json: { code: "success", message: "", data: { task_id: TASK } } });
    expect((await client.createElement(heroInput)).status).toBe("submitted");
  });

  it("passes Kling's refusal on with its message", async () => {
    provider.reply(klingError(400, 1201, "element_name is too long"));
    const error = await client.createElement(heroInput).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("provider_rejected");
    expect(String((error as Error).message)).toContain("element_name is too long");
    expect(isElementsUnsupportedError(error)).toBe(false);
  });
});

describe("getElementTask", () => {
  it("reads a finished task in Kling's shape, keeping the 64-bit id exact", async () => {
    provider.reply({ text: succeededText, headers: { "content-type": "application/json" } });
    const task = await client.getElementTask(TASK);
    expect(provider.requests[0]?.path).toBe(`/kling/v1/general/advanced-custom-elements/${TASK}`);
    expect(task.status).toBe("succeed");
    expect(task.element).toEqual({
      elementId: BIG_ID,
      name: "Hero",
      description: "A red-caped hero",
      tag: "character",
      frontImageUrl: "https://cdn.example.test/f.png",
    });
  });

  it("reads new-api's wrapper with the Kling task at data.data", async () => {
    provider.reply({
      json: {
        code: "success",
        message: "",
        data: {
          task_id: TASK,
          status: "IN_PROGRESS",
          progress: "30%",
          data: { task_id: TASK, task_status: "processing", task_result: {} },
        },
      },
    });
    expect((await client.getElementTask(TASK)).status).toBe("processing");
  });

  it("takes the failure reason from task_status_msg, or the wrapper's fail_reason", async () => {
    provider.reply(
      klingEnvelope({ task_id: TASK, task_status: "failed", task_status_msg: "face unclear" }),
      {
        json: {
          code: "success",
          data: { task_id: TASK, status: "FAILURE", fail_reason: "image too small", data: {} },
        },
      },
    );
    expect((await client.getElementTask(TASK)).statusMessage).toBe("face unclear");
    const wrapped = await client.getElementTask(TASK);
    expect(wrapped).toMatchObject({ status: "failed", statusMessage: "image too small" });
  });

  it("retries a 503 and then reads the answer", async () => {
    provider.reply(
      gatewayError(503, "busy"),
      klingEnvelope({ task_id: TASK, task_status: "submitted" }),
    );
    expect((await client.getElementTask(TASK)).status).toBe("submitted");
    expect(provider.requests).toHaveLength(2);
  });

  it("refuses a finished task without an element", async () => {
    provider.reply(klingEnvelope({ task_id: TASK, task_status: "succeed", task_result: {} }));
    await expect(client.getElementTask(TASK)).rejects.toMatchObject({
      code: "provider_bad_response",
    });
  });
});

describe("listing", () => {
  it("asks the account's list page by page and reads elements out of tasks", async () => {
    provider.reply({
      text: `{"code":0,"message":"success","data":[${succeededText.slice(succeededText.indexOf('"data":') + 7, -1)},{"task_id":"2","task_status":"processing","task_result":{}}]}`,
      headers: { "content-type": "application/json" },
    });
    const page = await client.listElements(2, 2);
    expect(provider.requests[0]?.path).toBe(
      "/kling/v1/general/advanced-custom-elements?pageNum=2&pageSize=2",
    );
    expect(page.elements.map((e) => e.elementId)).toEqual([BIG_ID]);
    // A full page of tasks (one still processing, so one element): the next page may hold more.
    expect(page).toMatchObject({ pageNum: 2, mayHaveMore: true });
  });

  it("ends at a page shorter than asked", async () => {
    provider.reply(klingEnvelope([{ task_id: "3", task_status: "failed", task_result: {} }]));
    const page = await client.listElements(3, 2);
    expect(page).toMatchObject({ elements: [], pageNum: 3, mayHaveMore: false });
  });

  it("reads presets as bare element objects inside new-api's wrapper", async () => {
    provider.reply({
      json: {
        code: "success",
        data: {
          data: [
            { element_id: 101, element_name: "Cat", tag_list: [{ id: "o_103" }] },
            { element_id: 102, element_name: "Sword", tag_list: [{ id: "o_104" }] },
          ],
        },
      },
    });
    const page = await client.listPresetElements(1, 2);
    expect(provider.requests[0]?.path).toBe(
      "/kling/v1/general/advanced-presets-elements?pageNum=1&pageSize=2",
    );
    expect(page.elements.map((e) => [e.name, e.tag])).toEqual([
      ["Cat", "animal"],
      ["Sword", "prop"],
    ]);
    expect(page.mayHaveMore).toBe(true);
  });

  it("passes Kling's refusal of a list on with its message", async () => {
    provider.reply(klingError(400, 1201, "pageSize too large"));
    const error = await client.listPresetElements(1, 500).catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    expect(String((error as Error).message)).toContain("pageSize too large");
  });

  it("refuses page 0", async () => {
    await expect(client.listElements(0)).rejects.toMatchObject({ code: "invalid_input" });
    expect(provider.requests).toHaveLength(0);
  });
});

describe("deleteElement", () => {
  it("posts the id as a bare JSON integer with every digit", async () => {
    provider.reply(klingEnvelope({}));
    await client.deleteElement(BIG_ID);
    const [request] = provider.requests;
    expect(request?.path).toBe("/kling/v1/general/delete-elements");
    expect(request?.bodyText).toBe(`{"element_id":${BIG_ID}}`);
  });

  it("reads new-api's wrapper answer as done", async () => {
    provider.reply({ json: { code: "success", message: "", data: null } });
    await expect(client.deleteElement(BIG_ID)).resolves.toBeUndefined();
  });

  it.each([
    ["an HTTP error with Kling's body", klingError(400, 1201, "element not found")],
    ["Kling's refusal inside a 200", { json: { code: 1201, message: "element not found" } }],
  ])("passes on %s as a refusal with Kling's message", async (_what, reply) => {
    provider.reply(reply);
    const error = await client.deleteElement(BIG_ID).catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    expect(String((error as Error).message)).toContain("element not found");
  });

  it("refuses an id that is not a whole number, sending nothing", async () => {
    await expect(client.deleteElement("12e3")).rejects.toMatchObject({ code: "invalid_input" });
    expect(provider.requests).toHaveLength(0);
  });
});

describe("a provider without element routes", () => {
  it("is recognised by a 404 without a Kling code, a 405, or an HTML page", async () => {
    provider.reply(
      gatewayError(404, "Invalid URL (POST /kling/v1/general/advanced-custom-elements)"),
      { status: 405, text: "Method Not Allowed", headers: { "content-type": "text/plain" } },
      {
        status: 200,
        text: "<!doctype html><title>Home</title>",
        headers: { "content-type": "text/html" },
      },
    );
    for (let i = 0; i < 3; i++) {
      const error = await client.createElement(heroInput).catch((e: unknown) => e);
      expect(isElementsUnsupportedError(error)).toBe(true);
    }
  });

  it("does not take an unknown task (404 with Kling 1203) for a missing route", async () => {
    provider.reply(klingError(404, 1203, "task not found"));
    const error = await client.getElementTask(TASK).catch((e: unknown) => e);
    expect(isElementsUnsupportedError(error)).toBe(false);
  });
});
