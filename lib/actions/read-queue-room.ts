"use server";

import { z } from "zod";
import { defineAction } from "@/lib/run-action";
import { startableNow } from "@/lib/worker/queue-room";

/** For the composer's Takes note: how many takes would start now, the rest waiting. */
export const readQueueRoomAction = defineAction("readQueueRoomAction", z.tuple([]), () =>
  startableNow(),
);
