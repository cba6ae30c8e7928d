"use server";

import { z } from "zod";
import { deleteElementAtProvider } from "@/lib/elements/delete-element-at-provider";
import { deleteElement } from "@/lib/elements/element-repository";
import { idSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";

// The two ways the delete dialog offers for one library element.

/** "Remove from library": the studio forgets the element; Kling keeps it. */
export const deleteElementAction = defineAction(
  "deleteElementAction",
  z.tuple([idSchema("el")]),
  (id) => deleteElement(id),
);

/** "Delete at Kling": gone there first, then from the library (see deleteElementAtProvider). */
export const deleteElementAtProviderAction = defineAction(
  "deleteElementAtProviderAction",
  z.tuple([idSchema("el")]),
  (id) => deleteElementAtProvider(id),
);
