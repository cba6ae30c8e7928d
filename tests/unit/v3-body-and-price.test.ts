import { describe, expect, it } from "vitest";
import { buildCreateTaskBody } from "@/lib/cometapi/build-create-body";
import type { CreateTaskInput } from "@/lib/cometapi/types";
import { estimateCostUsd } from "@/lib/generations/estimate-cost";
import { priceTableSchema } from "@/lib/kling-contract/price-table-schema";
import { KLING_LIST_PRICE_PER_SECOND } from "@/lib/kling-contract/prices";

const base: CreateTaskInput = {
  prompt: "A fox",
  mode: "pro",
  aspectRatio: "16:9",
  duration: "10",
  externalTaskId: "gen_01",
};
const storyboard = {
  shotType: "customize" as const,
  shots: [
    { prompt: "<<<image_1>>> wakes", duration: "4" },
    { prompt: "It runs", duration: "6" },
  ],
};
const V3_ONLY = ["sound", "multi_shot", "shot_type", "multi_prompt"];

describe("buildCreateTaskBody per model", () => {
  it("never writes v3-only fields for O1, even when the input carries them", () => {
    for (const input of [
      base,
      { ...base, model: "kling-video-o1" as const, sound: true, storyboard },
    ]) {
      const body = JSON.parse(buildCreateTaskBody(input));
      expect(body.model_name).toBe("kling-video-o1");
      expect(body.prompt).toBe("A fox");
      for (const key of V3_ONLY) expect(body).not.toHaveProperty(key);
    }
  });

  it("sends v3 sound, and a custom storyboard as multi_prompt in place of the prompt", () => {
    const body = JSON.parse(
      buildCreateTaskBody({ ...base, model: "kling-v3-omni", sound: true, storyboard }),
    );
    expect(body).toMatchObject({
      model_name: "kling-v3-omni",
      duration: "10",
      sound: "on",
      multi_shot: true,
      shot_type: "customize",
      multi_prompt: [
        { index: 1, prompt: "<<<image_1>>> wakes", duration: "4" },
        { index: 2, prompt: "It runs", duration: "6" },
      ],
    });
    expect(body).not.toHaveProperty("prompt");
  });

  it("v3 without a storyboard sends sound off and no multi-shot fields; intelligence keeps the prompt", () => {
    const plain = JSON.parse(buildCreateTaskBody({ ...base, model: "kling-v3-omni" }));
    expect(plain.sound).toBe("off");
    expect(plain).not.toHaveProperty("multi_shot");
    const smart = JSON.parse(
      buildCreateTaskBody({
        ...base,
        model: "kling-v3-omni",
        storyboard: { shotType: "intelligence", shots: [] },
      }),
    );
    expect(smart).toMatchObject({ prompt: "A fox", multi_shot: true, shot_type: "intelligence" });
    expect(smart).not.toHaveProperty("multi_prompt");
  });
});

describe("cost estimate per model", () => {
  it("knows model, mode, sound and video input", () => {
    const cost = (extra: Partial<Parameters<typeof estimateCostUsd>[0]>) =>
      estimateCostUsd({ mode: "pro", seconds: 10, hasVideo: false, ...extra });
    expect(cost({})).toBe(1.12);
    expect(cost({ model: "kling-v3-omni", sound: true })).toBe(1.4);
    expect(cost({ model: "kling-v3-omni", hasVideo: true })).toBe(1.68);
    expect(cost({ model: "kling-v3-omni", mode: "std" })).toBe(0.84);
    // O1 has no sound price: a stray flag changes nothing.
    expect(cost({ sound: true })).toBe(1.12);
  });
});

describe("PRICE_TABLE_JSON shapes", () => {
  const o1 = {
    std: { withoutVideo: 0.1, withVideo: 0.2 },
    pro: { withoutVideo: 0.3, withVideo: 0.4 },
  };
  it("today's shape still works and prices O1; v3 keeps the list prices", () => {
    const table = priceTableSchema.parse(o1);
    expect(table["kling-video-o1"]).toEqual(o1);
    expect(table["kling-v3-omni"]).toEqual(KLING_LIST_PRICE_PER_SECOND["kling-v3-omni"]);
  });

  it("takes per-model prices, v3 with a sound price", () => {
    const v3 = {
      std: { withoutVideo: 0.05, withVideo: 0.06, withSound: 0.07 },
      pro: { withoutVideo: 0.08, withVideo: 0.09, withSound: 0.1 },
    };
    const table = priceTableSchema.parse({ "kling-v3-omni": v3 });
    expect(table["kling-v3-omni"]).toEqual(v3);
    expect(table["kling-video-o1"]).toEqual(KLING_LIST_PRICE_PER_SECOND["kling-video-o1"]);
    expect(
      estimateCostUsd(
        { model: "kling-v3-omni", mode: "std", seconds: 10, hasVideo: false, sound: true },
        table,
      ),
    ).toBe(0.7);
  });

  it.each([
    ["a v3 row without its sound price", { "kling-v3-omni": { std: o1.std, pro: o1.pro } }],
    ["an unknown model", { "kling-v9": o1 }],
    ["no model at all", {}],
    ["half of today's shape", { std: o1.std }],
  ])("refuses %s", (_what, value) => {
    expect(priceTableSchema.safeParse(value).success).toBe(false);
  });
});
