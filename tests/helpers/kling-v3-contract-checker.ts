/**
 * §10 of shared/cometapi-kling-omni.md, written from the document (not from lib/simulator),
 * for kling-contract-checker.ts: the fields only `kling-v3-omni` takes and their rules.
 */
export const V3_ONLY_FIELDS = ["sound", "multi_shot", "shot_type", "multi_prompt"];

export function checkV3Fields(
  b: Record<string, unknown>,
  ctx: {
    hasVideo: boolean;
    hasFrame: boolean;
    counts: Record<string, number>;
  },
  fail: (rule: string) => void,
): void {
  if (b.sound !== undefined && b.sound !== "on" && b.sound !== "off")
    fail("§10: sound is on or off");
  if (b.sound === "on" && ctx.hasVideo) fail("§10: sound must be off with video_list");
  if (b.multi_shot !== undefined && typeof b.multi_shot !== "boolean") {
    fail("§10: multi_shot is a boolean");
  }
  if (b.multi_shot !== true) {
    if (b.shot_type !== undefined || b.multi_prompt !== undefined) {
      fail("§10: shot_type and multi_prompt go with multi_shot: true");
    }
    return;
  }
  // Reported by one gateway (unverified); the studio refuses it, so the checker does too.
  if (ctx.hasFrame) fail("§10: multi-shot with first/end frames");
  if (b.shot_type !== "customize" && b.shot_type !== "intelligence") {
    return void fail("§10: shot_type is required with multi_shot");
  }
  if (b.shot_type === "intelligence") {
    if (typeof b.prompt !== "string" || b.prompt.trim() === "") {
      fail("§10: intelligence needs a prompt");
    }
    if (b.multi_prompt !== undefined) fail("§10: multi_prompt is for customize");
    return;
  }
  const shots = b.multi_prompt;
  if (!Array.isArray(shots) || shots.length < 1 || shots.length > 6) {
    return void fail("§10: customize needs multi_prompt with 1–6 shots");
  }
  const total = typeof b.duration === "string" ? Number(b.duration) : Number.NaN;
  let sum = 0;
  shots.forEach((shot: unknown, i) => {
    const s = (typeof shot === "object" && shot !== null ? shot : {}) as Record<string, unknown>;
    for (const key of Object.keys(s)) {
      if (!["index", "prompt", "duration"].includes(key)) fail(`§10: multi_prompt[${i}].${key}`);
    }
    if (s.index !== i + 1) fail(`§10: multi_prompt[${i}].index matches its place`);
    if (typeof s.prompt !== "string" || s.prompt.trim() === "") {
      fail(`§10: multi_prompt[${i}].prompt is required`);
    } else {
      if ([...s.prompt].length > 512) fail(`§10: multi_prompt[${i}].prompt ≤512 characters`);
      for (const [token, kind = "", n = ""] of s.prompt.matchAll(/<<<([^<>]*?)_(\d+)>>>/g)) {
        const count = ctx.counts[kind];
        if (count === undefined || !/^[1-9]\d*$/.test(n) || Number(n) > count) {
          fail(`§10: ${token} in multi_prompt[${i}] does not name an item`);
        }
      }
    }
    const seconds =
      typeof s.duration === "string" && /^\d+$/.test(s.duration) ? Number(s.duration) : 0;
    if (seconds < 1 || seconds > total)
      fail(`§10: multi_prompt[${i}].duration is a string ≥1 and ≤ total`);
    sum += seconds;
  });
  if (sum !== total) fail("§10: shot durations sum to duration");
}
