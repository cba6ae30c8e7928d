import type { GenerationView } from "@/lib/generations/generation-view";

/** The provider is working on it: the steps a progress bar is shown for. */
const RUNNING: ReadonlySet<string> = new Set(["submitted", "processing", "downloading"]);

/** Past this share of the expected time, the words say it is slower than usual. */
const SLOW_FACTOR = 1.5;

export type ProgressFigure = {
  elapsedSeconds: number;
  expectedSeconds: number;
  /** 0–1 for the bar; held just short of full until the video is stored. */
  fraction: number;
  slow: boolean;
};

/**
 * The one progress figure, on the card and the detail page alike: time since submission
 * against the time expected for this recipe (set on the server by withProgressFacts). Null
 * when no bar belongs there: not yet sent, settled, or no expectation known.
 */
export function progressFigure(
  view: Pick<GenerationView, "status" | "submittedAt" | "createdAt" | "expectedSeconds">,
  now: number,
): ProgressFigure | null {
  if (!RUNNING.has(view.status) || !view.expectedSeconds) return null;
  const expectedSeconds = view.expectedSeconds;
  const from = Date.parse(view.submittedAt ?? view.createdAt);
  const elapsedSeconds = Math.max(0, Math.round((now - from) / 1000));
  // A full bar would claim it is done; it is not until the status says so.
  const fraction = Math.min(0.97, elapsedSeconds / expectedSeconds);
  return {
    elapsedSeconds,
    expectedSeconds,
    fraction,
    slow: elapsedSeconds > expectedSeconds * SLOW_FACTOR,
  };
}
