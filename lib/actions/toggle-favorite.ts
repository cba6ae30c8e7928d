"use server";

import { z } from "zod";
import { setFavorite } from "@/lib/history/set-favorite";
import { idSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";

export const toggleFavoriteAction = defineAction(
  "toggleFavoriteAction",
  z.tuple([z.object({ id: idSchema("gen"), favorite: z.boolean() })]),
  ({ id, favorite }) => setFavorite(id, favorite),
);
