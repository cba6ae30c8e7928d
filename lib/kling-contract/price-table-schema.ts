import { z } from "zod";
import { KLING_LIST_PRICE_PER_SECOND, type PriceTable } from "./prices";

/**
 * PRICE_TABLE_JSON, per model:
 * {"kling-video-o1":{"std":{"withoutVideo":0.084,"withVideo":0.126},"pro":{…}},
 *  "kling-v3-omni":{"std":{"withoutVideo":…,"withVideo":…,"withSound":…},"pro":{…}}}.
 * A model left out keeps the list prices. Today's shape ({"std":…,"pro":…}, no model) still
 * works and prices O1, as it did before v3 existed. Kept apart from estimate-cost.ts so
 * browser code that only formats or estimates does not ship zod.
 */
const price = z.number().nonnegative().max(100);
const o1Row = z.object({ withoutVideo: price, withVideo: price }).strict();
const v3Row = z.object({ withoutVideo: price, withVideo: price, withSound: price }).strict();
const o1Table = z.object({ std: o1Row, pro: o1Row }).strict();
const v3Table = z.object({ std: v3Row, pro: v3Row }).strict();

const perModel = z
  .object({ "kling-video-o1": o1Table.optional(), "kling-v3-omni": v3Table.optional() })
  .strict()
  .refine((t) => t["kling-video-o1"] || t["kling-v3-omni"], "Name at least one model.");

export const priceTableSchema = z.union([
  o1Table.transform((o1): PriceTable => ({ ...KLING_LIST_PRICE_PER_SECOND, "kling-video-o1": o1 })),
  perModel.transform(
    (t): PriceTable => ({
      "kling-video-o1": t["kling-video-o1"] ?? KLING_LIST_PRICE_PER_SECOND["kling-video-o1"],
      "kling-v3-omni": t["kling-v3-omni"] ?? KLING_LIST_PRICE_PER_SECOND["kling-v3-omni"],
    }),
  ),
]);
