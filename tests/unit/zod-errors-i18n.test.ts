import { describe, expect, it } from "vitest";
import { zodErrorsIn } from "@/i18n/zod-errors";
import { historyManifestSchema } from "@/lib/history/history-archive-schema";

/** zod's own words reach a person in one place: a refused import's first problem. */
describe("zod's wording in the reader's language", () => {
  const notAManifest = { format: "omni-studio-history", version: 1, generations: "many" };
  const firstProblem = (locale: "en" | "ko") => {
    const parsed = historyManifestSchema.safeParse(notAManifest, { error: zodErrorsIn(locale) });
    if (parsed.success) throw new Error("a manifest with generations: 'many' was accepted");
    return parsed.error.issues.map((issue) => issue.message);
  };

  it("says it in Korean to a Korean reader", () => {
    const problems = firstProblem("ko");
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/[\uac00-\ud7a3]/);
  });

  it("says it in English to an English reader", () => {
    const problems = firstProblem("en");
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).not.toMatch(/[\uac00-\ud7a3]/);
      expect(problem).toMatch(/invalid|expected/i);
    }
  });
});
