"use server";

import { z } from "zod";
import { addElement } from "@/lib/elements/element-repository";
import { elementInputSchema } from "@/lib/elements/element-schema";
import { defineAction } from "@/lib/run-action";

export const addElementAction = defineAction(
  "addElementAction",
  z.tuple([elementInputSchema]),
  (input) => addElement(input),
);
