"use server";

import { updateElement } from "@/lib/elements/element-repository";
import type { ElementView } from "@/lib/elements/element-schema";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";

export async function updateElementAction(
  id: unknown,
  input: unknown,
): Promise<ActionResult<ElementView>> {
  return runAction("updateElementAction", () => updateElement(id, input));
}
