import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  GALLERY_FILTER_NAMES,
  galleryFiltersToSearch,
  hasActiveFilters,
  parseGalleryFilters,
} from "@/lib/gallery/gallery-filters";

describe("gallery filters in the URL", () => {
  it("keeps valid values, drops malformed ones, and leaves the default sort out", () => {
    const filters = parseGalleryFilters(
      new URLSearchParams(
        "q=%20fox%20&status=failed&mode=ultra&aspect=auto&from=2026-13-45&to=2026-01-31&fav=1&sort=newest&refs=maybe",
      ),
    );
    expect(filters).toEqual({
      q: "fox",
      status: "failed",
      aspect: "auto",
      to: "2026-01-31",
      fav: "1",
    });
    expect(galleryFiltersToSearch(filters)).toBe(
      "q=fox&status=failed&aspect=auto&to=2026-01-31&fav=1",
    );
    expect(hasActiveFilters(parseGalleryFilters({ sort: "oldest" }))).toBe(false);
    expect(parseGalleryFilters({ model: "kling-v3-omni" })).toEqual({ model: "kling-v3-omni" });
    expect(parseGalleryFilters({ model: "kling-v9" })).toEqual({});
    expect(parseGalleryFilters({ status: ["succeeded", "failed"] })).toEqual({
      status: "succeeded",
    });
  });

  it("reads the status filter in plain groups, and old single-step bookmarks as in progress", () => {
    expect(parseGalleryFilters({ status: "active" })).toEqual({ status: "active" });
    expect(parseGalleryFilters({ status: "processing" })).toEqual({ status: "active" });
    expect(parseGalleryFilters({ status: "queued" })).toEqual({ status: "active" });
    expect(parseGalleryFilters({ status: "uncertain" })).toEqual({ status: "uncertain" });
    expect(parseGalleryFilters({ status: "done" })).toEqual({});
  });

  it("the client form writes keys in the same canonical order", () => {
    const shell = readFileSync("components/gallery/gallery-filter-form-shell.tsx", "utf8");
    const list = /URL_ORDER = (\[[^\]]+\])/.exec(shell)?.[1] ?? "[]";
    const order = JSON.parse(list.replace(/,\s*\]$/, "]"));
    expect(order).toEqual(GALLERY_FILTER_NAMES);
  });
});
