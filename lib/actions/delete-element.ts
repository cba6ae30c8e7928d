"use server";

import { deleteElement } from "@/lib/elements/element-repository";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";

export async function deleteElementAction(id: unknown): Promise<ActionResult<null>> {
  return runAction("deleteElementAction", async () => {
    await deleteElement(id);
    return null;
  });
}
