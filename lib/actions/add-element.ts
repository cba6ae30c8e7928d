"use server";

import { addElement } from "@/lib/elements/element-repository";
import type { ElementView } from "@/lib/elements/element-schema";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";

export async function addElementAction(input: unknown): Promise<ActionResult<ElementView>> {
  return runAction("addElementAction", () => addElement(input));
}
