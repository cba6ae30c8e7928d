import "server-only";
import { elementFrontView } from "./element-usage";
import { decodeBase64Image } from "./reference-media";
import type { SimContext } from "./sim-context";
import type { PictureSource, SimTask } from "./types";
import type { ImageItem } from "./validate-lists";

type Shot = { prompt: string; seconds: number };

/**
 * Each shot's own picture, so a storyboard's cuts show what each shot's prompt names: the
 * first `<<<image_N>>>` in it, else the front view of the first `<<<element_N>>>` this
 * simulator made; a shot that names neither shows the gradient. Like a one-prompt render,
 * a shot pans across one picture.
 */
export async function withShotPictures(
  ctx: SimContext,
  taskId: string,
  shots: readonly Shot[],
  images: readonly ImageItem[],
  elementIds: readonly string[],
): Promise<NonNullable<SimTask["shots"]>> {
  const result: NonNullable<SimTask["shots"]> = [];
  for (const [i, shot] of shots.entries()) {
    const name = `shot-${i + 1}`;
    const image = images[firstIndex(shot.prompt, "image") ?? -1]?.imageUrl;
    const elementId = elementIds[firstIndex(shot.prompt, "element") ?? -1];
    let picture: PictureSource | undefined;
    if (image !== undefined) picture = await imageSource(ctx, taskId, image, name);
    else if (elementId !== undefined) {
      picture = await elementFrontView(ctx, taskId, [elementId], name);
    }
    result.push({ ...shot, image: picture });
  }
  return result;
}

/** The zero-based list index of the first `<<<kind_N>>>` in the prompt. */
function firstIndex(prompt: string, kind: "image" | "element"): number | undefined {
  const match = new RegExp(`<<<${kind}_([1-9]\\d*)>>>`).exec(prompt);
  return match ? Number(match[1]) - 1 : undefined;
}

async function imageSource(
  ctx: SimContext,
  taskId: string,
  imageUrl: string,
  name: string,
): Promise<PictureSource | undefined> {
  const decoded = decodeBase64Image(imageUrl);
  if (decoded) return { kind: "file", path: await ctx.store.saveInput(taskId, decoded, name) };
  return /^https?:\/\//i.test(imageUrl) ? { kind: "url", url: imageUrl } : undefined;
}
