import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";

/**
 * Both catalogs must say the same things: the same keys, and per key the same ICU
 * parameters (a Korean message that dropped `{seconds}` or renamed it would print wrong).
 */
const dir = path.resolve("messages");
type Tree = { [key: string]: string | Tree };

function load(locale: string): Tree {
  return JSON.parse(readFileSync(path.join(dir, `${locale}.json`), "utf8")) as Tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(id, value);
    else for (const [k, v] of flatten(value, id)) out.set(k, v);
  }
  return out;
}

/** Every argument a message takes, with its kind: "seconds:plural", "kind:select", "n:number". */
function parameters(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(`${el.value}:string`);
      else if (el.type === TYPE.number) found.add(`${el.value}:number`);
      else if (el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}:date`);
      else if (el.type === TYPE.plural) {
        found.add(`${el.value}:plural`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.select) {
        found.add(`${el.value}:select`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/** The options of every select, so "image" in one language is "image" in the other. */
function selectOptions(message: string): string[] {
  const found: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.select) {
        found.push(`${el.value}=${Object.keys(el.options).sort().join("|")}`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.plural) {
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return found.sort();
}

const catalogs = new Map(LOCALES.map((locale) => [locale, flatten(load(locale))]));
const english = catalogs.get("en") ?? new Map<string, string>();

describe("message catalogs", () => {
  it("has one file per locale and nothing else", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
  });

  for (const [locale, catalog] of catalogs) {
    if (locale === "en") continue;
    it(`${locale} has exactly the English keys`, () => {
      expect([...catalog.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it(`${locale} takes the same parameters as English, key by key`, () => {
      const differ: string[] = [];
      for (const [key, message] of english) {
        const theirs = catalog.get(key);
        if (theirs === undefined) continue;
        if (
          parameters(message).join() !== parameters(theirs).join() ||
          selectOptions(message).join() !== selectOptions(theirs).join()
        )
          differ.push(`${key}: en ${parameters(message)} / ${locale} ${parameters(theirs)}`);
      }
      expect(differ).toEqual([]);
    });

    it(`${locale} leaves no message empty`, () => {
      const empty = [...catalog].filter(([, message]) => message.trim() === "").map(([k]) => k);
      expect(empty).toEqual([]);
    });
  }

  it("parses every message as ICU", () => {
    for (const catalog of catalogs.values())
      for (const message of catalog.values()) expect(() => parse(message)).not.toThrow();
  });

  it("the checker itself tells parameters apart", () => {
    expect(parameters("{seconds, plural, one {# second} other {# seconds}}")).toEqual([
      "seconds:plural",
    ]);
    expect(parameters("{n, number}: {label}")).toEqual(["label:string", "n:number"]);
    expect(parameters("{n}: {label}")).not.toEqual(parameters("{n, number}: {label}"));
    expect(selectOptions("{k, select, a {A} other {B}}")).toEqual(["k=a|other"]);
  });
});
