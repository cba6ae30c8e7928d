import { localMessage } from "@/i18n/local-message";
import { MODEL_LABELS, V3_MODEL } from "@/lib/kling-contract/models";
import type { ComposerIssue } from "./composer-issue";
import type { ComposerSubmission } from "./submission-shape";

/**
 * Why sound cannot be on right now, or null when it can: O1 has no audio, and Kling 3.0
 * Omni wants `sound: "off"` whenever a reference video is sent (contract §10). The switch
 * shows this reason while it is disabled; the same words refuse a forged request. A
 * localMessage, said where shown.
 */
export function soundBlockedReason(
  input: Pick<ComposerSubmission, "model" | "videos">,
): string | null {
  if (input.model !== V3_MODEL) {
    return localMessage("composerRules.soundNeedsV3", {
      model: MODEL_LABELS[input.model],
      v3: MODEL_LABELS[V3_MODEL],
    });
  }
  if (input.videos.length > 0) {
    return localMessage("composerRules.soundWithVideo");
  }
  return null;
}

/** Model-only fields asked of the wrong model (contract §2: never sent to O1). */
export function checkModelFields(input: ComposerSubmission): ComposerIssue[] {
  const issues: ComposerIssue[] = [];
  const blocked = input.sound ? soundBlockedReason(input) : null;
  if (blocked) {
    issues.push({
      rule: input.model === V3_MODEL ? "sound-with-video" : "sound-needs-v3",
      target: { kind: "setting", field: "sound" },
      message: blocked,
    });
  }
  if (input.storyboard && input.model !== V3_MODEL) {
    issues.push({
      rule: "storyboard-needs-v3",
      target: { kind: "setting", field: "storyboard" },
      message: localMessage("composerRules.storyboardNeedsV3", {
        v3: MODEL_LABELS[V3_MODEL],
        model: MODEL_LABELS[input.model],
      }),
    });
  }
  return issues;
}
