import { randomBytes } from "node:crypto";

/** Synthetic but plausible generations for the gallery seed and benchmark (scripts/seed-gallery.ts). */
const SUBJECTS = [
  "A lighthouse",
  "A red fox",
  "A neon city",
  "An astronaut",
  "A paper boat",
  "A dragon",
  "A jazz trio",
  "A desert caravan",
  "A koi pond",
  "A robot chef",
];
const ACTIONS = [
  "at dawn",
  "in the rain",
  "dancing slowly",
  "under northern lights",
  "in slow motion",
  "seen from a drone",
  "on a rainy street",
  "in a snowstorm",
];
const STYLES = [
  "cinematic",
  "watercolor",
  "35mm film",
  "anime",
  "claymation",
  "hyperreal",
  "noir",
  "pastel",
];

export type SeedOptions = {
  count: number;
  posterPath?: string | undefined;
  videoPath?: string | undefined;
  seed?: number;
};

/** Deterministic pseudo-random numbers, so two runs of the benchmark see the same data. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
function idFor(ms: number, n: number): string {
  let time = "";
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET.charAt(rest % 32) + time;
    rest = Math.floor(rest / 32);
  }
  return `gen_${time}${n.toString(32).padStart(6, "0")}${randomBytes(3).toString("hex")}`;
}

export function makeRows(options: SeedOptions) {
  const random = rng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const now = Date.now();
  const span = 730 * 86_400_000;
  const rows = [];
  for (let i = 0; i < options.count; i++) {
    const created = now - Math.floor(random() * span);
    const roll = random();
    const status =
      roll < 0.85 ? "succeeded" : roll < 0.95 ? "failed" : roll < 0.98 ? "processing" : "canceled";
    const mode = random() < 0.5 ? "std" : "pro";
    const a = random();
    const aspectRatio = a < 0.6 ? "16:9" : a < 0.85 ? "9:16" : a < 0.95 ? "1:1" : null;
    const duration = random() < 0.7 ? "5" : "10";
    const seconds = Number(duration);
    const ok = status === "succeeded";
    rows.push({
      id: idFor(created, i),
      createdAt: new Date(created),
      prompt: `${pick(SUBJECTS)} ${pick(ACTIONS)}, ${pick(STYLES)} style, shot ${i}`,
      mode,
      aspectRatio,
      duration,
      status,
      providerTaskId: status === "canceled" ? null : `task-${i}`,
      submittedAt: new Date(created + 1000),
      startedAt: status === "canceled" ? null : new Date(created + 5000),
      finishedAt: ok || status === "failed" ? new Date(created + 95_000) : null,
      videoPath: ok ? (options.videoPath ?? `results/seed-${i}.mp4`) : null,
      posterPath: ok ? (options.posterPath ?? `posters/seed-${i}.jpg`) : null,
      videoBytes: ok ? 2_000_000 : null,
      width: ok ? (aspectRatio === "9:16" ? 720 : 1280) : null,
      height: ok ? (aspectRatio === "9:16" ? 1280 : aspectRatio === "1:1" ? 1280 : 720) : null,
      durationSeconds: ok ? seconds : null,
      estimatedCostUsd: Math.round((mode === "pro" ? 0.112 : 0.084) * seconds * 1000) / 1000,
      favorite: random() < 0.03,
      errorCode: status === "failed" ? "provider_rejected" : null,
      errorMessage: status === "failed" ? "The provider refused the prompt." : null,
      refs: random() < 0.3 ? 1 + Math.floor(random() * 3) : 0,
    });
  }
  return rows;
}
