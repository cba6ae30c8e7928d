"use server";

import { z } from "zod";
import { importElements } from "@/lib/elements/import-elements";
import { defineAction } from "@/lib/run-action";

export const importElementsAction = defineAction(
  "importElementsAction",
  z.tuple([z.enum(["account", "presets"])]),
  (source) => importElements(source),
);
