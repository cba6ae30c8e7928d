import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesStillToConvert, findEnglishStrings, sourceFiles } from "@/scripts/english-strings";

/**
 * No English left in app/ and components/ outside the catalogs, except in the files
 * messages/README.md admits are still to convert; and that list stays true both ways.
 */
const root = path.resolve(".");
const stillToConvert = new Set(
  filesStillToConvert(readFileSync(path.join(root, "messages/README.md"), "utf8")),
);
const files = sourceFiles(root, ["app", "components"]);

describe("English strings in app/ and components/", () => {
  it("has none in the converted files", () => {
    const left = files
      .filter((file) => !stillToConvert.has(file))
      .flatMap((file) => findEnglishStrings(path.join(root, file)))
      .map((f) => `${f.file}:${f.line} ${f.text}`);
    expect(left).toEqual([]);
  });

  it("lists only files that exist and still have English (take converted ones off)", () => {
    const done = [...stillToConvert].filter(
      (file) => !files.includes(file) || findEnglishStrings(path.join(root, file)).length === 0,
    );
    expect(done).toEqual([]);
  });

  it("the finder sees JSX text, read props and sentences, not keys or class names", () => {
    const found = findEnglishStrings(
      "x.tsx",
      `"use client";
       export function X({ k }: { k: string }) {
         const t = (s: string) => s;
         if (k === "Escape") return null;
         const say = () => setOutcome("Could not copy: select the text");
         return (
           <div className="flex gap-2" aria-label="Main menu" data-x="Hello there">
             Hello world
             <input placeholder={t("prompt")} title="Search" />
             {t("Some key")}
           </div>
         );
       }`,
    ).map((f) => f.text);
    expect(found).toEqual([
      "Could not copy: select the text",
      "Main menu",
      "Hello world",
      "Search",
    ]);
  });
});
