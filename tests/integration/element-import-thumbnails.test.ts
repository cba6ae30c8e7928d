import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ElementClient, ProviderElement } from "@/lib/cometapi/elements-types";
import { getDb } from "@/lib/db/client";
import { forgetElementsVerdict } from "@/lib/elements/elements-support-verdict";
import { importElements } from "@/lib/elements/import-elements";
import { type ImageFetcher, saveImportedFrontView } from "@/lib/elements/import-thumbnail";
import { resetEnvForTests } from "@/lib/env";
import { IMAGE_MAX_BYTES } from "@/lib/kling-contract/limits";
import { type TestDatabase, useTestDatabase } from "../helpers/db-test-env";

/**
 * Imported elements get their front view as thumbnail, copied into the studio's storage
 * through the safe download path; a picture that cannot be had leaves the element imported
 * without one (and no file), never a row pointing at nothing.
 */
const PNG = readFileSync(path.resolve("tests/fixtures/ref-blue.png"));
const JPEG = readFileSync(path.resolve("tests/fixtures/ref-orange.jpg"));

function element(id: string, frontImageUrl?: string): ProviderElement {
  return {
    elementId: id,
    name: `El ${id.slice(-3)}`,
    description: undefined,
    tag: "prop",
    frontImageUrl,
  };
}

/** An account whose one page of elements is `elements`. */
function account(elements: ProviderElement[]): ElementClient {
  const page = async (pageNum: number) => ({
    elements: pageNum === 1 ? elements : [],
    pageNum,
    mayHaveMore: false,
  });
  const never = () => Promise.reject(new Error("not used here"));
  return {
    listElements: page,
    listPresetElements: page,
    createElement: never,
    getElementTask: never,
    deleteElement: never,
  };
}

/** Answers per URL; anything else fails like a refused connection. */
function fetcher(answers: Record<string, { status: number; bytes: Buffer }>): ImageFetcher {
  return async (url) => {
    const answer = answers[url];
    if (!answer) throw new Error("connection refused");
    return answer;
  };
}

describe("import thumbnails", () => {
  let db: TestDatabase;
  let mediaDir: string;
  beforeAll(async () => {
    mediaDir = await mkdtemp(path.join(os.tmpdir(), "omni-import-thumbs-"));
    process.env.MEDIA_DIR = mediaDir;
    resetEnvForTests();
    db = await useTestDatabase("sqlite");
  });
  beforeEach(() => forgetElementsVerdict());
  afterAll(async () => {
    await db.cleanup();
    await rm(mediaDir, { recursive: true, force: true });
    delete process.env.MEDIA_DIR;
    resetEnvForTests();
  });
  const files = () =>
    existsSync(path.join(mediaDir, "elements")) ? readdirSync(path.join(mediaDir, "elements")) : [];

  it("copies a PNG or JPEG front view into storage and shows it as the thumbnail", async () => {
    const result = await importElements("account", {
      client: account([
        element("9200000000000000101", "https://cdn.klingai.com/a.png"),
        element("9200000000000000102", "https://cdn.klingai.com/b.jpg"),
      ]),
      fetchImage: fetcher({
        "https://cdn.klingai.com/a.png": { status: 200, bytes: PNG },
        "https://cdn.klingai.com/b.jpg": { status: 200, bytes: JPEG },
      }),
    });
    expect(result.added).toHaveLength(2);
    const rows = await getDb().element.findMany({ orderBy: { elementId: "asc" } });
    expect(rows.map((row) => row.thumbnailPath)).toEqual([
      `elements/${rows[0]?.id}-front.png`,
      `elements/${rows[1]?.id}-front.jpg`,
    ]);
    expect(readFileSync(path.join(mediaDir, rows[0]?.thumbnailPath ?? "")).equals(PNG)).toBe(true);
    expect(result.added.every((view) => view.thumbnailUrl)).toBe(true);
  });

  it("imports without a thumbnail (and leaves no file) when the picture cannot be had", async () => {
    const before = files().length;
    const html = Buffer.from("<!doctype html><title>Sign in</title>");
    const result = await importElements("account", {
      client: account([
        element("9200000000000000201", "https://cdn.klingai.com/gone.png"),
        element("9200000000000000202", "https://cdn.klingai.com/page.png"),
        element("9200000000000000203", "https://cdn.klingai.com/huge.png"),
        element("9200000000000000204", "https://cdn.klingai.com/refused.png"),
        element("9200000000000000205", ""),
        element("9200000000000000206", "ftp://cdn.klingai.com/a.png"),
      ]),
      fetchImage: fetcher({
        "https://cdn.klingai.com/gone.png": { status: 404, bytes: Buffer.alloc(0) },
        "https://cdn.klingai.com/page.png": { status: 200, bytes: html },
        "https://cdn.klingai.com/huge.png": {
          status: 200,
          bytes: Buffer.concat([PNG, Buffer.alloc(IMAGE_MAX_BYTES)]),
        },
      }),
    });
    expect(result.added).toHaveLength(6);
    expect(result.added.map((view) => view.thumbnailUrl)).toEqual(Array(6).fill(undefined));
    const rows = await getDb().element.findMany({
      where: { elementId: { startsWith: "92000000000000002" } },
    });
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.thumbnailPath === null)).toBe(true);
    expect(files()).toHaveLength(before);
  });

  it("refuses links inside the network through the real download path (SSRF rules)", async () => {
    // No fetcher given: safeFetch with the provider-host policy refuses loopback and
    // private addresses, and hosts that are not the provider's.
    for (const url of [
      "http://127.0.0.1:9/a.png",
      "http://169.254.169.254/latest/meta-data",
      "https://example.com/a.png",
    ]) {
      expect(await saveImportedFrontView(url, "el_ssrf")).toBeUndefined();
    }
    expect(files().filter((name) => name.startsWith("el_ssrf"))).toEqual([]);
  });
});
