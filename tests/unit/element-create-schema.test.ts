import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/elements/element-schema";
import { createElementInputSchema } from "@/lib/elements/element-task-schema";
import { elementViewProblems, elementViewTitle } from "@/lib/elements/element-view-rules";
import { sayEnglish } from "../helpers/say-english";

/** "Create from images": the one schema the dialog and the action both parse (issue 12). */
const VALID = {
  name: "Hero",
  description: "A hero in a blue cape",
  tag: "character",
  frontUploadId: "up_front",
  otherUploadIds: ["up_side"],
};

/** The English refusals by field, or {} when the input is taken. */
function refusals(input: unknown): Record<string, string[]> {
  const parsed = createElementInputSchema.safeParse(input);
  if (parsed.success) return {};
  const fields = fieldErrorsOf(parsed.error.issues);
  return Object.fromEntries(
    Object.entries(fields).map(([field, messages]) => [field, messages.map(sayEnglish)]),
  );
}

describe("the Create from images schema", () => {
  it("takes Kling's limits exactly: 20-character name, 100-character description, 1 to 3 views", () => {
    expect(refusals(VALID)).toEqual({});
    expect(refusals({ ...VALID, name: "N".repeat(20), description: "d".repeat(100) })).toEqual({});
    expect(refusals({ ...VALID, otherUploadIds: ["up_a", "up_b", "up_c"] })).toEqual({});
  });

  it.each([
    ["a 21-character name", { name: "N".repeat(21) }, "name", /at most 20 characters/],
    ["an empty name", { name: "  " }, "name", /Give the element a name/],
    ["a 101-character description", { description: "d".repeat(101) }, "description", /at most 100/],
    ["no description", { description: "" }, "description", /Kling requires a description/],
    ["no other view", { otherUploadIds: [] }, "otherUploadIds", /at least one other view/],
    [
      "four other views",
      { otherUploadIds: ["up_a", "up_b", "up_c", "up_d"] },
      "otherUploadIds",
      /at most 3 other views/,
    ],
    ["an unknown tag", { tag: "monster" }, "tag", /Choose a tag/],
  ] as const)("refuses %s with a clear message on that field", (_, change, field, says) => {
    expect(refusals({ ...VALID, ...change })).toEqual({ [field]: [expect.stringMatching(says)] });
  });
});

describe("an element's view, judged by the reference rules", () => {
  const view = (
    facts: Partial<{ mimeType: string; bytes: number; width: number; height: number }>,
  ) =>
    elementViewProblems(
      { id: "up_view", mimeType: "image/png", bytes: 1000, width: 320, height: 320, ...facts },
      "view.png",
      elementViewTitle(1),
    ).map(sayEnglish);

  it("takes a 300 px PNG or JPEG within 1:2.5 and 2.5:1 and 10 MB", () => {
    expect(view({ width: 300, height: 300 })).toEqual([]);
    expect(view({ mimeType: "image/jpeg", width: 750, height: 300 })).toEqual([]);
  });

  it.each([
    ["another type", { mimeType: "image/gif" }, /^Other view 2 is not a JPEG or PNG file/],
    [
      "over 10 MB",
      { bytes: 10 * 1024 * 1024 + 1 },
      /^Other view 2 is .* MB; images may be at most 10 MB/,
    ],
    ["under 300 px", { width: 299, height: 400 }, /^Other view 2 is 299×400 px; .*at least 300 px/],
    ["too tall", { width: 300, height: 751 }, /^Other view 2 is 300×751 px, too tall/],
  ] as const)("refuses an image of %s, naming the view", (_, facts, says) => {
    expect(view(facts)).toEqual([expect.stringMatching(says)]);
  });
});
