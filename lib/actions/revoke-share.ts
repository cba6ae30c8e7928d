"use server";

import { z } from "zod";
import { defineAction } from "@/lib/run-action";
import { revokeShare } from "@/lib/shares/share-repository";

export const revokeShareAction = defineAction(
  "revokeShareAction",
  z.tuple([z.string().min(1).max(100)]),
  async (shareId) => {
    await revokeShare(shareId);
    return null;
  },
);
