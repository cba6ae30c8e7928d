"use server";

import { z } from "zod";
import { localMessage } from "@/i18n/local-message";
import { deleteFailedElementTask } from "@/lib/elements/element-task-repository";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";

export const dismissElementTaskAction = defineAction(
  "dismissElementTaskAction",
  z.tuple([idSchema("elt")]),
  async (id) => {
    if (!(await deleteFailedElementTask(id))) {
      throw new AppError("not_found", localMessage("elementRules.onlyFailedDismissed"));
    }
    return null;
  },
);
