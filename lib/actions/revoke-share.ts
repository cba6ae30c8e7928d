"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { revokeShare } from "@/lib/shares/share-repository";

export async function revokeShareAction(shareId: unknown): Promise<ActionResult<null>> {
  return runAction("revokeShareAction", async () => {
    await revokeShare(z.string().min(1).max(100).parse(shareId));
    return null;
  });
}
