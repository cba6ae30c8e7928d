import { localMessage } from "@/i18n/local-message";
import type { Duration } from "@/lib/kling-contract/limits";
import { MODEL_LABELS, type ModelName, V3_MODEL } from "@/lib/kling-contract/models";
import { durationOptions, durationRule } from "./setting-rules";
import type { ComposerSubmission } from "./submission-shape";

export type ModelChoice = {
  model: ModelName;
  duration: Duration;
  sound: boolean;
  storyboardOn: boolean;
};

/**
 * Switching model keeps whatever the new model takes and changes only what it cannot, each
 * change said in plain words (e.g. "12 s back to 10 s", as localMessages). Pure, so the browser's switch and
 * the unit tests share it.
 */
export function switchModel(
  current: ModelChoice,
  to: ModelName,
  refs: Pick<ComposerSubmission, "images" | "elements" | "videos">,
): { next: ModelChoice; notes: string[] } {
  const next: ModelChoice = { ...current, model: to };
  const notes: string[] = [];
  if (to === current.model) return { next, notes };
  const label = MODEL_LABELS[to];
  if (to !== V3_MODEL) {
    if (current.storyboardOn) {
      next.storyboardOn = false;
      notes.push(localMessage("composerRules.storyboardOff", { model: label }));
    }
    if (current.sound) {
      next.sound = false;
      notes.push(localMessage("composerRules.soundOff", { model: label }));
    }
  }
  const rule = durationRule(refs, to);
  if (rule.kind !== "follows-video") {
    const options = durationOptions(rule);
    if (!options.includes(current.duration)) {
      const wanted = Number(current.duration);
      const nearest = options.reduce((best, option) =>
        Math.abs(Number(option) - wanted) < Math.abs(Number(best) - wanted) ? option : best,
      );
      next.duration = nearest;
      notes.push(durationNote(Number(current.duration), Number(nearest), label, options));
    }
  }
  return { next, notes };
}

/** Two choices are named ("5 or 10 s"); anything longer is a range ("3–15 s"). */
function durationNote(from: number, to: number, model: string, options: readonly Duration[]) {
  const [first, second] = options;
  if (options.length === 2 && first && second) {
    return localMessage("composerRules.durationChangedChoices", {
      from,
      to,
      model,
      first: Number(first),
      second: Number(second),
    });
  }
  return localMessage("composerRules.durationChangedRange", {
    from,
    to,
    model,
    min: Number(options[0]),
    max: Number(options.at(-1)),
  });
}
