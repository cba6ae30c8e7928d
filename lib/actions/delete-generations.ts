"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { deleteGenerations } from "@/lib/history/delete-generations";
import { runAction } from "@/lib/run-action";

const input = z.array(z.string().min(1).max(100)).min(1).max(1000);

export async function deleteGenerationsAction(
  ids: unknown,
): Promise<ActionResult<{ deleted: number }>> {
  return runAction("deleteGenerationsAction", async () => {
    const result = await deleteGenerations(input.parse(ids));
    revalidatePath("/gallery");
    return result;
  });
}
