"use server";

import { z } from "zod";
import { createElementTask } from "@/lib/elements/create-element-task";
import { createElementInputSchema } from "@/lib/elements/element-task-schema";
import { defineAction } from "@/lib/run-action";

export const createElementTaskAction = defineAction(
  "createElementTaskAction",
  z.tuple([createElementInputSchema]),
  (input) => createElementTask(input),
);
