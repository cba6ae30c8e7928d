import {
  MAX_SECONDS,
  MAX_SHOTS,
  MIN_SHOT_SECONDS,
  type ShotType,
} from "@/lib/kling-contract/models";
import type { PromptSegment } from "@/lib/prompt/reference-types";

export type ShotDraft = { id: string; segments: PromptSegment[]; duration: string };
export type StoryboardState = { shotType: ShotType; shots: ShotDraft[] };

const V3_MAX = MAX_SECONDS["kling-v3-omni"];

export function newShotId(): string {
  return `shot_${globalThis.crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
}

export function totalSeconds(shots: readonly { duration: string }[]): number {
  return shots.reduce((sum, shot) => sum + (Number.parseInt(shot.duration, 10) || 0), 0);
}

/** A storyboard starts as one shot holding the prompt so far, as long as the video. */
export function startStoryboard(segments: PromptSegment[], duration: string): StoryboardState {
  return { shotType: "customize", shots: [{ id: newShotId(), segments, duration }] };
}

/**
 * A new shot takes up to 3 s of the room left under 15 s; with no room, it takes 1 s from
 * the longest shot, so the total never passes what the model makes. Null when full.
 */
export function addShot(shots: readonly ShotDraft[]): ShotDraft[] | null {
  if (shots.length >= MAX_SHOTS) return null;
  const room = V3_MAX - totalSeconds(shots);
  if (room >= MIN_SHOT_SECONDS) {
    return [...shots, { id: newShotId(), segments: [], duration: String(Math.min(3, room)) }];
  }
  const longest = shots.reduce<ShotDraft | undefined>(
    (best, shot) => (!best || Number(shot.duration) > Number(best.duration) ? shot : best),
    undefined,
  );
  if (!longest || Number(longest.duration) <= MIN_SHOT_SECONDS) return null;
  return [
    ...shots.map((s) =>
      s.id === longest.id ? { ...s, duration: String(Number(s.duration) - MIN_SHOT_SECONDS) } : s,
    ),
    { id: newShotId(), segments: [], duration: String(MIN_SHOT_SECONDS) },
  ];
}

export function moveShot(shots: readonly ShotDraft[], from: number, to: number): ShotDraft[] {
  if (to < 0 || to >= shots.length || from === to) return [...shots];
  const next = [...shots];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

/**
 * The video's duration was chosen: the last shot absorbs the difference so the shots still
 * add up to it, when that leaves it at least 1 s; otherwise nothing changes and the rules
 * say the total is off.
 */
export function fitShotsTo(shots: readonly ShotDraft[], duration: number): ShotDraft[] | null {
  const last = shots.at(-1);
  if (!last) return null;
  const lastSeconds = Number.parseInt(last.duration, 10) || 0;
  const seconds = lastSeconds + duration - totalSeconds(shots);
  if (seconds < MIN_SHOT_SECONDS || seconds === lastSeconds) return null;
  return [...shots.slice(0, -1), { ...last, duration: String(seconds) }];
}
