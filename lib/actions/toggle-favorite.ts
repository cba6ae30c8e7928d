"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { setFavorite } from "@/lib/history/set-favorite";
import { runAction } from "@/lib/run-action";

const input = z.object({ id: z.string().min(1).max(100), favorite: z.boolean() });

export async function toggleFavoriteAction(
  raw: unknown,
): Promise<ActionResult<{ favorite: boolean }>> {
  return runAction("toggleFavoriteAction", async () => {
    const { id, favorite } = input.parse(raw);
    return setFavorite(id, favorite);
  });
}
