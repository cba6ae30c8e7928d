"use server";

import { z } from "zod";
import { defineAction } from "@/lib/run-action";
import { createShare, createShareInput } from "@/lib/shares/share-repository";

export const createShareAction = defineAction(
  "createShareAction",
  z.tuple([createShareInput]),
  (input) => createShare(input),
);
