"use server";

import { z } from "zod";
import { defineAction } from "@/lib/run-action";
import { measureRemoteImage, measureRemoteVideo } from "@/lib/uploads/measure-remote";

/** A link the person typed or pasted: only https, as the provider fetches it. */
const measureLinkInput = z.object({
  url: z
    .string()
    .max(2048)
    .regex(/^https:\/\/\S+$/i),
  kind: z.enum(["image", "video"]),
});

/**
 * The facts of a linked image or video when it is added, measured on the server by the
 * same safe fetch (no private addresses, byte cap, deadline) Generate uses, so the composer
 * judges a link by the same per-file rules as a picked file. `error` is a localMessage.
 */
export const measureLinkAction = defineAction(
  "measureLinkAction",
  z.tuple([measureLinkInput]),
  ({ url, kind }) => (kind === "image" ? measureRemoteImage(url) : measureRemoteVideo(url)),
);
