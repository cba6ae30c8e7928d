import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type ComposerDraft,
  clearDraft,
  loadDraft,
  saveDraft,
} from "@/components/composer/composer-draft";
import { serializePrompt } from "@/lib/prompt/serialize-prompt";
import { element, image, video } from "./prompt-fixtures";

/** A Map-backed localStorage on a stand-in `window` (vitest runs these in Node). */
function fakeStorage(options: { failWrites?: boolean } = {}) {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (options.failWrites) throw new DOMException("quota", "QuotaExceededError");
      data.set(key, value);
    },
    removeItem: (key: string) => void data.delete(key),
  };
}

const g = globalThis as { window?: unknown };
let storage: ReturnType<typeof fakeStorage>;
beforeEach(() => {
  storage = fakeStorage();
  g.window = { localStorage: storage };
});
afterEach(() => {
  delete g.window;
});

const draft = (extra: Partial<ComposerDraft> = {}): ComposerDraft => ({
  segments: [
    { type: "text", text: "A cat " },
    { type: "chip", refId: "ref_a" },
    { type: "text", text: " meets " },
    { type: "chip", refId: "ref_e" },
    { type: "chip", refId: "ref_v" },
  ],
  references: [
    image("ref_a", { frame: "first_frame", thumbnailUrl: "/api/media/uploads/up_ref_a.png" }),
    element("ref_e", { name: "Cat" }),
    video("ref_v", { referType: "base", keepOriginalSound: true }),
  ],
  settings: { mode: "pro", aspectRatio: "9:16", duration: "10" },
  sendUnused: false,
  takes: 1,
  ...extra,
});

describe("composer draft", () => {
  it("round-trips segments, references and settings, so the same prompt is sent after a reload", () => {
    const saved = draft({ remixOf: "gen_abc" });
    saveDraft(saved);
    const restored = loadDraft();
    expect(restored).toEqual(saved);
    if (!restored) throw new Error("no draft");
    expect(serializePrompt(restored.segments, restored.references).prompt).toBe(
      serializePrompt(saved.segments, saved.references).prompt,
    );
  });

  it("keeps the model, sound and storyboard shots, each shot's chips kept only for kept references", () => {
    saveDraft(
      draft({
        settings: {
          mode: "std",
          aspectRatio: "16:9",
          duration: "7",
          model: "kling-v3-omni",
          sound: true,
        },
        references: [image("ref_a"), image("ref_b", { uploadId: undefined })],
        storyboard: {
          shotType: "customize",
          shots: [
            {
              id: "s1",
              segments: [
                { type: "chip", refId: "ref_a" },
                { type: "text", text: " wakes" },
              ],
              duration: "4",
            },
            {
              id: "s2",
              segments: [
                { type: "chip", refId: "ref_b" },
                { type: "text", text: " runs" },
              ],
              duration: "3",
            },
          ],
        },
      }),
    );
    const restored = loadDraft();
    expect(restored?.settings).toMatchObject({
      model: "kling-v3-omni",
      sound: true,
      duration: "7",
    });
    expect(restored?.storyboard?.shots.map((s) => s.segments)).toEqual([
      [
        { type: "chip", refId: "ref_a" },
        { type: "text", text: " wakes" },
      ],
      [{ type: "text", text: " runs" }],
    ]);
  });

  it("leaves out files still uploading and their chips, and blob: thumbnails", () => {
    saveDraft(
      draft({
        references: [
          image("ref_a", { thumbnailUrl: "blob:http://x/1" }),
          image("ref_b", { uploadId: undefined, thumbnailUrl: "blob:http://x/2" }),
          element("ref_e"),
          video("ref_v", { uploadId: undefined, source: "url", url: "https://cdn.test/v.mp4" }),
        ],
        segments: [
          { type: "chip", refId: "ref_b" },
          { type: "text", text: "A " },
          { type: "chip", refId: "ref_a" },
          { type: "text", text: " and " },
          { type: "chip", refId: "ref_b" },
          { type: "text", text: "!" },
        ],
      }),
    );
    const restored = loadDraft();
    expect(restored?.references.map((r) => r.id)).toEqual(["ref_a", "ref_e", "ref_v"]);
    expect(restored?.references[0]?.thumbnailUrl).toBeUndefined();
    // The chip of the dropped upload goes, and the text around it joins up.
    expect(restored?.segments).toEqual([
      { type: "text", text: "A " },
      { type: "chip", refId: "ref_a" },
      { type: "text", text: " and !" },
    ]);
  });

  it("ignores a missing, corrupt or foreign-shaped draft instead of breaking the page", () => {
    expect(loadDraft()).toBeNull();
    storage.data.set("omni-studio:composer-draft:v1", "{not json");
    expect(loadDraft()).toBeNull();
    storage.data.set("omni-studio:composer-draft:v1", JSON.stringify({ segments: "x" }));
    expect(loadDraft()).toBeNull();
    storage.data.set(
      "omni-studio:composer-draft:v1",
      JSON.stringify({ segments: [], references: [] }),
    );
    expect(loadDraft()).toBeNull();
  });

  it("clears, and survives storage that refuses writes", () => {
    saveDraft(draft());
    expect(loadDraft()).not.toBeNull();
    clearDraft();
    expect(loadDraft()).toBeNull();
    g.window = { localStorage: fakeStorage({ failWrites: true }) };
    expect(() => saveDraft(draft())).not.toThrow();
    expect(loadDraft()).toBeNull();
  });
});
