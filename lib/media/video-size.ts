export type OutputAspect = "16:9" | "9:16" | "1:1";

const STD: Record<OutputAspect, { width: number; height: number }> = {
  "16:9": { width: 1280, height: 720 },
  "9:16": { width: 720, height: 1280 },
  "1:1": { width: 720, height: 720 },
};
const PRO: Record<OutputAspect, { width: number; height: number }> = {
  "16:9": { width: 1920, height: 1080 },
  "9:16": { width: 1080, height: 1920 },
  "1:1": { width: 1080, height: 1080 },
};

/** Kling's output frame for a mode and aspect ratio (std is 720p, pro 1080p). */
export function outputSizeFor(
  mode: "std" | "pro",
  aspect: OutputAspect,
): { width: number; height: number } {
  return (mode === "pro" ? PRO : STD)[aspect];
}

/** The listed aspect ratio closest to a picture's, for inputs that decide the frame. */
export function nearestAspect(width: number, height: number): OutputAspect {
  const ratio = width / height;
  if (ratio > 1.25) return "16:9";
  if (ratio < 0.8) return "9:16";
  return "1:1";
}
