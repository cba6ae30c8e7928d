import { z } from "zod";

/**
 * Raw CometAPI shapes (contract §3–§4). Every object is `loose` because the provider adds
 * fields freely; only what we read is declared. These never leave lib/cometapi/.
 */
const looseNumber = z.union([z.number(), z.string()]);

export const CometVideoSchema = z
  .object({
    id: z.string().nullish(),
    url: z.string().nullish(),
    duration: looseNumber.nullish(),
  })
  .loose();

export const CometTaskResultSchema = z
  .object({ videos: z.array(CometVideoSchema).nullish() })
  .loose();

/** Kling's task object: `data` in §3.1/§3.2, `data.data` or `data.data.data` behind new-api. */
export const CometKlingTaskSchema = z
  .object({
    task_id: looseNumber.nullish(),
    task_status: z.string().nullish(),
    task_status_msg: z.string().nullish(),
    task_result: z.union([CometTaskResultSchema, z.array(z.unknown())]).nullish(),
    created_at: looseNumber.nullish(),
    updated_at: looseNumber.nullish(),
  })
  .loose();
export type CometKlingTask = z.infer<typeof CometKlingTaskSchema>;

/** new-api's task wrapper (§3.3): its own status words, the upstream body under `data`. */
export const CometWrapperTaskSchema = z
  .object({
    task_id: looseNumber.nullish(),
    status: z.string().nullish(),
    fail_reason: z.string().nullish(),
    progress: z.string().nullish(),
    data: z.unknown().optional(),
  })
  .loose();
export type CometWrapperTask = z.infer<typeof CometWrapperTaskSchema>;

/** Any envelope: Kling's (`code: 0`) or new-api's (`code: "success"`). */
export const CometEnvelopeSchema = z
  .object({
    code: looseNumber.nullish(),
    message: z.string().nullish(),
    request_id: z.string().nullish(),
    data: z.unknown().optional(),
  })
  .loose();

/** The gateway's OpenAI-style error body. */
export const CometGatewayErrorSchema = z.object({
  error: z
    .object({
      message: z.string().nullish(),
      type: z.string().nullish(),
      code: looseNumber.nullish(),
    })
    .loose(),
});

/**
 * JSON.parse turns a 64-bit integer into a rounded double. Task ids are strings in every
 * documented shape, but a relay that re-serializes them as numbers must not corrupt them:
 * quote long integer ids before parsing. The pattern cannot match inside a JSON string,
 * where the quotes around a key would be escaped.
 */
export function parseJsonKeepingIds(text: string): unknown {
  return JSON.parse(text.replace(/"(task_id|element_id)"(\s*):(\s*)(-?\d{16,})/g, '"$1"$2:$3"$4"'));
}
