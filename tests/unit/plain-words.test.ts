import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { promptAsText, shotsAsText } from "@/lib/gallery/prompt-text";
import { formatUsd } from "@/lib/generations/estimate-cost";
import { failureNeedsEdit } from "@/lib/generations/failure-advice";
import { aspectLabel, modeLabel } from "@/lib/generations/plain-words";
import { referenceKindLabel, referenceRoleLabel } from "@/lib/generations/reference-words";
import { shownCostUsd } from "@/lib/generations/shown-cost";
import { GENERATION_STATUSES, STATUS_LABEL_KEYS, statusFilterOf } from "@/lib/generations/status";
import { downloadFileName } from "@/lib/prompt/download-name";
import { promptWithNames, referenceName } from "@/lib/prompt/reference-names";
import en from "@/messages/en.json";

describe("the words a person reads", () => {
  it("names statuses as In progress / Done / Failed, never the pipeline's steps", () => {
    const status = createTranslator({ locale: "en", messages: en, namespace: "status" });
    const words = new Set(GENERATION_STATUSES.map((s) => status(STATUS_LABEL_KEYS[s])));
    expect(words).toEqual(new Set(["In progress", "Done", "Failed", "Needs checking", "Canceled"]));
    expect(status(STATUS_LABEL_KEYS.downloading)).toBe("In progress");
    expect(statusFilterOf("submitting")).toBe("active");
    expect(statusFilterOf("failed")).toBe("failed");
  });

  it("names modes, shapes and reference roles in plain words", () => {
    const words = createTranslator({ locale: "en", messages: en, namespace: "words" });
    expect(modeLabel("std", words)).toBe("Standard (720p)");
    expect(modeLabel("pro", words)).toBe("Pro (1080p)");
    expect(aspectLabel(null, words)).toBe("From reference");
    expect(aspectLabel("9:16", words)).toBe("9:16");
    expect(referenceKindLabel("element", words)).toBe("Element");
    const role = (imageType: string | null, referType: string | null) =>
      referenceRoleLabel({ imageType, referType }, words);
    expect(role("first_frame", null)).toBe("Start frame");
    expect(role("end_frame", null)).toBe("End frame");
    expect(role(null, "feature")).toBe("Style reference");
    expect(role(null, "base")).toBe("Video to edit");
    expect(role(null, null)).toBeNull();
  });
});

describe("money", () => {
  it("has one format for every amount", () => {
    expect(formatUsd(0.42, "en")).toBe("$0.42");
    expect(formatUsd(0.252, "en")).toBe("$0.25");
    expect(formatUsd(2.5, "en")).toBe("$2.50");
    expect(formatUsd(1234.5, "en")).toBe("$1,234.50");
    expect(formatUsd(0, "en")).toBe("$0.00");
  });

  it("shows no cost for a failed or canceled generation", () => {
    expect(shownCostUsd({ status: "failed", estimatedCostUsd: 0.84 })).toBeNull();
    expect(shownCostUsd({ status: "canceled", estimatedCostUsd: 0.84 })).toBeNull();
    expect(shownCostUsd({ status: "succeeded", estimatedCostUsd: 0.84 })).toBe(0.84);
    expect(shownCostUsd({ status: "processing", estimatedCostUsd: 0.84 })).toBe(0.84);
  });
});

describe("Edit & retry instead of Retry", () => {
  const failed = (errorCode: string, errorMessage: string) => ({
    status: "failed",
    errorCode,
    errorMessage,
  });

  it("is offered where the same request would be refused again", () => {
    // The simulator's and Kling's moderation reason after acceptance.
    expect(
      failureNeedsEdit(failed("provider_failed", "Failure to pass the risk control system")),
    ).toBe(true);
    // Kling 1300-1301 at create, as lib/cometapi words it.
    expect(
      failureNeedsEdit(
        failed("provider_rejected", "The provider blocked this request under its content policy."),
      ),
    ).toBe(true);
    expect(
      failureNeedsEdit(failed("provider_rejected", "CometAPI rejected the request: bad")),
    ).toBe(true);
    expect(failureNeedsEdit(failed("invalid_input", "The prompt is too long."))).toBe(true);
  });

  it("is not offered for failures worth retrying as they are", () => {
    expect(
      failureNeedsEdit(failed("provider_unavailable", "CometAPI is unavailable (HTTP 503)")),
    ).toBe(false);
    expect(failureNeedsEdit(failed("provider_failed", "The render node went away"))).toBe(false);
    expect(failureNeedsEdit(failed("download_failed", "The video could not be saved"))).toBe(false);
    expect(failureNeedsEdit(failed("provider_auth", "The CometAPI key was refused."))).toBe(false);
    expect(
      failureNeedsEdit({
        status: "succeeded",
        errorCode: "provider_failed",
        errorMessage: "risk control",
      }),
    ).toBe(false);
  });
});

describe("prompt text", () => {
  it("names a download from the prompt, like the zip export", () => {
    expect(downloadFileName("A Fox <<<image_1>>> runs, at DAWN!", "gen_01")).toBe(
      "a-fox-runs-at-dawn-gen_01.mp4",
    );
    expect(downloadFileName("<<<image_1>>>", "gen_02")).toBe("video-gen_02.mp4");
  });

  it("copies the prompt with each token named as its chip", () => {
    const refs = [
      { id: "r1", kind: "image", position: 0, label: "fox.png" },
      { id: "r2", kind: "element", position: 0, label: "Harbor" },
    ].map((r) => ({ ...r, fileName: null, imageType: null, referType: null, thumbnailUrl: null }));
    expect(promptAsText("A fox <<<image_1>>> meets <<<element_1>>> <<<video_1>>>", refs)).toBe(
      "A fox [fox.png] meets [Harbor] [Video]",
    );
  });

  it("copies a storyboard's shots one a line, in order, each token named as its chip", () => {
    const refs = [
      { id: "r1", kind: "image", position: 0, label: "Image 1" },
      { id: "r2", kind: "image", position: 1, label: "Image 2" },
    ].map((r) => ({ ...r, fileName: null, imageType: null, referType: null, thumbnailUrl: null }));
    const shots = [
      { index: 1, prompt: "A fox wakes by <<<image_1>>>", duration: "4" },
      { index: 2, prompt: "Rain", duration: "3" },
      { index: 3, prompt: "then <<<image_2>>>", duration: "3" },
    ];
    expect(shotsAsText(shots, refs, (n) => `Shot ${n}`)).toBe(
      "Shot 1: A fox wakes by [Image 1]\nShot 2: Rain\nShot 3: then [Image 2]",
    );
    // The label is the reader's word for a shot (the Korean UI passes its own).
    expect(shotsAsText(shots.slice(1, 2), refs, (n) => `샷 ${n}`)).toBe("샷 2: Rain");
  });
});

describe("reference names in one-line text", () => {
  it("names each token as its chip, never as a raw token or run-together file names", () => {
    expect(promptWithNames("dawn. <<<image_1>>><<<image_2>>> Foxy <<<element_1>>>.")).toBe(
      "dawn. Image 1 Image 2 Foxy Element 1.",
    );
    expect(promptWithNames("<<<video_1>>> then <<<video_2>>>")).toBe("Video then Video 2");
    expect(
      promptWithNames("A <<<element_1>>> walks", (kind, n) => referenceName(kind, n, "Harbor")),
    ).toBe("A Harbor walks");
  });
});
