import type { OutputAspect } from "@/lib/media/video-size";

export type SimulatorOptions = {
  /** Tasks (JSON), rendered videos and the URL-signing secret live here. */
  dataDir: string;
  /** The Bearer token every provider route requires. */
  key: string;
  /** Multiplies the fake latency: 0.1 is ten times faster. */
  speed: number;
  /** How long a result URL stays valid. */
  urlTtlSeconds: number;
  /** Enables the /__sim/… control routes (faults, request log, config). */
  controlEnabled: boolean;
  /** Absolute base URL of the simulator, without a trailing slash; result URLs start with it. */
  publicBaseUrl: string;
  /** "kling" = §3.2 query shape (default); "wrapper" = the older §3.3 new-api shape. */
  queryShape?: QueryShape;
  /** Shrinks the rendered frame (0.25 → 320×180 for 16:9) so tests stay fast. Default 1. */
  renderScale?: number;
  /**
   * Benchmarks only: render one MP4 and hand every task a copy of it (same length and frame
   * as the first task's), so hundreds of tasks cost one render.
   */
  reuseRender?: boolean;
  /**
   * The studio's origin (its PUBLIC_BASE_URL): callbacks go only to its callback route.
   * Unset: only to that route on this machine.
   */
  callbackBaseUrl?: string;
  /** Renders running at once; the rest wait their turn. Default 2. */
  maxConcurrentRenders?: number;
  /** Tasks, their inputs and videos are deleted this long after creation. Default 7 days. */
  retentionMs?: number;
};

export type QueryShape = "kling" | "wrapper";

export type SimTaskStatus = "submitted" | "processing" | "succeed" | "failed";

/** A picture for a render: a file saved from base64, or a URL fetched at render time. */
export type PictureSource = { kind: "file"; path: string } | { kind: "url"; url: string };

/** One task as persisted in `${dataDir}/tasks/<taskId>.json`. */
export type SimTask = {
  taskId: string;
  externalTaskId: string | undefined;
  createdAt: number;
  prompt: string;
  mode: "std" | "pro";
  /** Undefined when a first frame or base video decides the frame. */
  aspectRatio: OutputAspect | undefined;
  /** The requested length; a base-video edit takes the input's length when it can be read. */
  durationSeconds: number;
  /** Kling 3.0 Omni's native sound: the render gets an audible track (absent on old task files). */
  sound?: boolean | undefined;
  /**
   * A custom storyboard: one captioned segment per shot, cut one after another. `image` is
   * the picture the shot's own prompt names (absent on old task files: the gradient).
   */
  shots?: { prompt: string; seconds: number; image?: PictureSource | undefined }[] | undefined;
  /** The first image reference: a file saved from base64, or a URL to fetch at render time. */
  backgroundImage: PictureSource | undefined;
  baseVideoUrl: string | undefined;
  callbackUrl: string | undefined;
  /** Milliseconds spent in each phase, fixed at creation so a speed change leaves it alone. */
  submittedMs: number;
  processingMs: number;
  /** Set when the task is scripted to fail (moderation marker or failNext). */
  failMessage: string | undefined;
  video: { fileName: string; durationSeconds: number; renderedAt: number } | undefined;
  renderError: { message: string; at: number } | undefined;
  /** The last status a callback was sent for (or the create answer reported). */
  notifiedStatus: SimTaskStatus;
};

export type TaskView = {
  status: SimTaskStatus;
  statusMessage: string;
  updatedAt: number;
  /** 0–100, for the wrapper shape's `progress`. */
  progress: number;
};

export type FaultEntry = {
  status?: number;
  body?: unknown;
  /** true or "html": an HTML page; "json": cut-off JSON (downloads: bytes that are no MP4). */
  malformed?: boolean | "html" | "json";
  delayMs?: number;
  reset?: boolean;
};

export type FaultPhase = "create" | "query" | "download";
