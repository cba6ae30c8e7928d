"use server";

import { z } from "zod";
import { secretIdSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";
import { revokeShare } from "@/lib/shares/share-repository";

export const revokeShareAction = defineAction(
  "revokeShareAction",
  z.tuple([secretIdSchema]),
  async (shareId) => {
    await revokeShare(shareId);
    return null;
  },
);
