import { BodyError, checkPlaceholders, refuseUnknownFields } from "./validate-lists";

/** The v3-only fields (contract §10), read and checked as strictly as O1's. */
export type V3Fields = {
  sound: boolean;
  /** Present for a custom storyboard: each shot's prompt and whole seconds, in index order. */
  shots: { prompt: string; seconds: number }[] | undefined;
  shotType: "customize" | "intelligence" | undefined;
};

export const V3_DURATIONS: readonly string[] = Array.from({ length: 13 }, (_, i) => String(i + 3));
const MAX_SHOTS = 6;
const MAX_SHOT_CHARS = 512;
const SHOT_FIELDS = ["index", "prompt", "duration"] as const;

type Context = {
  /** The request's duration in seconds, as read (a base edit's is ignored by Kling). */
  durationSeconds: number;
  hasVideo: boolean;
  hasFrame: boolean;
  counts: { image: number; element: number; video: number };
};

export function readV3Fields(fields: Record<string, unknown>, ctx: Context): V3Fields {
  const sound = readSound(fields.sound, ctx.hasVideo);
  const multiShot = fields.multi_shot;
  if (multiShot !== undefined && typeof multiShot !== "boolean") {
    throw new BodyError("multi_shot must be a boolean");
  }
  if (multiShot !== true) {
    for (const field of ["shot_type", "multi_prompt"]) {
      if (field in fields) throw new BodyError(`${field} needs multi_shot: true`);
    }
    return { sound, shots: undefined, shotType: undefined };
  }
  if (ctx.hasFrame) {
    throw new BodyError("multi_shot cannot be combined with a first_frame or end_frame");
  }
  const shotType = fields.shot_type;
  if (shotType !== "customize" && shotType !== "intelligence") {
    throw new BodyError("shot_type must be customize or intelligence when multi_shot is true");
  }
  if (shotType === "intelligence") {
    if ("multi_prompt" in fields)
      throw new BodyError("multi_prompt is only for shot_type customize");
    return { sound, shots: undefined, shotType };
  }
  return { sound, shots: readMultiPrompt(fields.multi_prompt, ctx), shotType };
}

function readSound(value: unknown, hasVideo: boolean): boolean {
  if (value === undefined) return false;
  if (value !== "on" && value !== "off") throw new BodyError("sound must be on or off");
  if (value === "on" && hasVideo)
    throw new BodyError("sound must be off when video_list is present");
  return value === "on";
}

function readMultiPrompt(value: unknown, ctx: Context): { prompt: string; seconds: number }[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new BodyError("multi_prompt is required for shot_type customize (1 to 6 shots)");
  }
  if (value.length > MAX_SHOTS)
    throw new BodyError(`multi_prompt takes at most ${MAX_SHOTS} shots`);
  const shots = value.map((item: unknown, i) => {
    const where = `multi_prompt[${i}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw new BodyError(`${where} must be an object`);
    }
    const shot = item as Record<string, unknown>;
    refuseUnknownFields(shot, where, SHOT_FIELDS);
    if (shot.index !== i + 1) throw new BodyError(`${where}.index must be ${i + 1}`);
    const prompt = shot.prompt;
    if (typeof prompt !== "string" || prompt.trim() === "") {
      throw new BodyError(`${where}.prompt is required`);
    }
    if (Array.from(prompt).length > MAX_SHOT_CHARS) {
      throw new BodyError(`${where}.prompt must be at most ${MAX_SHOT_CHARS} characters`);
    }
    checkPlaceholders(prompt, ctx.counts);
    if (typeof shot.duration !== "string" || !/^[1-9]\d*$/.test(shot.duration)) {
      throw new BodyError(`${where}.duration must be a string of whole seconds, at least "1"`);
    }
    const seconds = Number(shot.duration);
    if (seconds > ctx.durationSeconds) {
      throw new BodyError(`${where}.duration must not exceed the task's duration`);
    }
    return { prompt, seconds };
  });
  const total = shots.reduce((sum, shot) => sum + shot.seconds, 0);
  if (total !== ctx.durationSeconds) {
    throw new BodyError(
      `multi_prompt durations must sum to duration (${total} != ${ctx.durationSeconds})`,
    );
  }
  return shots;
}
