import "server-only";
import { readFile } from "node:fs/promises";
import type { SimContext } from "./sim-context";
import type { PictureSource } from "./types";

/**
 * The element ids of a create body as written, read from the text: JSON.parse has already
 * rounded any id above 2^53 by the time the validator sees it.
 */
export function exactElementIds(bodyText: string): string[] {
  return [...bodyText.matchAll(/"element_id"\s*:\s*(\d{1,19})/g)].map((match) => match[1] ?? "");
}

/**
 * The front view of the first listed element this simulator made, if any, as the task's own
 * input copy (a task's input file is deleted after its render; the element's must stay).
 */
export async function elementFrontView(
  ctx: SimContext,
  taskId: string,
  elementIds: readonly string[],
  inputName?: string,
): Promise<PictureSource | undefined> {
  for (const id of elementIds) {
    const element = await ctx.elements.byElementId(id);
    if (!element) continue;
    if (element.frontImage.kind === "url") return element.frontImage;
    const bytes = await readFile(element.frontImage.path).catch(() => undefined);
    if (bytes) return { kind: "file", path: await ctx.store.saveInput(taskId, bytes, inputName) };
  }
  return undefined;
}
