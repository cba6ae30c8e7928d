"use server";

import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { createShare, type ShareView } from "@/lib/shares/share-repository";

export async function createShareAction(input: unknown): Promise<ActionResult<ShareView>> {
  return runAction("createShareAction", () =>
    createShare(input as Parameters<typeof createShare>[0]),
  );
}
