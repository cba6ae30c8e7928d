import { z } from "zod";

/**
 * PRICE_TABLE_JSON, e.g. {"std":{"withoutVideo":0.08,"withVideo":0.12},"pro":{…}}. Kept apart
 * from estimate-cost.ts so browser code that only formats or estimates does not ship zod.
 */
const price = z.number().nonnegative().max(100);
const row = z.object({ withoutVideo: price, withVideo: price }).strict();

export const priceTableSchema = z.object({ std: row, pro: row }).strict();
