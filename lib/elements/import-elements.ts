import "server-only";
import { localMessage } from "@/i18n/local-message";
import { isElementsUnsupportedError } from "@/lib/cometapi/elements-support";
import type { ElementClient, ProviderElement } from "@/lib/cometapi/elements-types";
import { getElementClient } from "@/lib/cometapi/get-element-client";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { discardFile, resolveMediaPath } from "@/lib/storage/media-store";
import { toElementView } from "./element-repository";
import type { ElementView } from "./element-schema";
import {
  assertElementCreationOffered,
  ELEMENTS_UNSUPPORTED_MESSAGE,
  rememberElementsUnsupported,
} from "./elements-support-verdict";
import { type ImageFetcher, saveImportedFrontView } from "./import-thumbnail";

const PAGE_SIZE = 100;
/** A bound on one import (2,000 elements); a larger account is imported again for the rest. */
const MAX_PAGES = 20;

export type ImportResult = { added: ElementView[]; alreadyThere: number };

/**
 * Brings the account's own elements, or Kling's presets, into the library, page by page.
 * Elements already there (by Kling id) are left as they are, so importing twice adds nothing.
 * A front view the answer links to becomes the thumbnail (see import-thumbnail.ts).
 */
export async function importElements(
  source: unknown,
  deps: { client?: ElementClient; fetchImage?: ImageFetcher } = {},
): Promise<ImportResult> {
  if (source !== "account" && source !== "presets") {
    throw new AppError("invalid_input", localMessage("elementRules.importSource"));
  }
  assertElementCreationOffered();
  const client = deps.client ?? getElementClient();
  const found: ProviderElement[] = [];
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer =
        source === "account"
          ? await client.listElements(page, PAGE_SIZE)
          : await client.listPresetElements(page, PAGE_SIZE);
      found.push(...answer.elements);
      if (!answer.mayHaveMore) break;
    }
  } catch (error) {
    if (isElementsUnsupportedError(error)) {
      rememberElementsUnsupported();
      throw new AppError("provider_rejected", ELEMENTS_UNSUPPORTED_MESSAGE);
    }
    throw error;
  }
  const db = getDb();
  const unique = [...new Map(found.map((e) => [e.elementId, e])).values()];
  const existing = await db.element.findMany({
    where: { elementId: { in: unique.map((e) => e.elementId) } },
    select: { elementId: true },
  });
  const known = new Set(existing.map((row) => row.elementId));
  const added: ElementView[] = [];
  for (const element of unique.filter((e) => !known.has(e.elementId))) {
    const id = newId("el");
    // The picture first, then one write of the row: never a row pointing at a missing file.
    const thumbnailPath = await saveImportedFrontView(element.frontImageUrl, id, deps.fetchImage);
    const data = {
      id,
      thumbnailPath: thumbnailPath ?? null,
      name: [...element.name].slice(0, 20).join(""),
      elementId: element.elementId,
      description: element.description ? [...element.description].slice(0, 100).join("") : null,
      tag: element.tag ?? null,
      source: source === "account" ? "imported" : "preset",
    };
    const row = await db.element.create({ data }).catch(async (error: unknown) => {
      // No row (e.g. the same element imported at once elsewhere): no file left behind.
      if (thumbnailPath) await discardFile(resolveMediaPath(thumbnailPath));
      throw error;
    });
    added.push(toElementView(row));
  }
  return { added, alreadyThere: unique.length - added.length };
}
