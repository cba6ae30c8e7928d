import type { AspectRatio, Duration, Mode } from "@/lib/kling-contract/limits";
import type { ModelName, ShotType } from "@/lib/kling-contract/models";

/** Domain shapes of the provider; raw `Comet…` JSON never leaves lib/cometapi/. */
/** The provider's task states in the domain's words (Kling's "succeed" reads "succeeded"). */
export type ProviderTaskStatus = "submitted" | "processing" | "succeeded" | "failed";

export type CreateTaskInput = {
  /** Omitted: O1, as before the choice existed. */
  model?: ModelName | undefined;
  /** Not sent with a custom storyboard: the shots replace it (contract §10). */
  prompt: string;
  mode: Mode;
  /** Left out of the body when undefined (first frame or base-video edit). */
  aspectRatio?: AspectRatio | undefined;
  duration: Duration;
  images?: { image: string; type?: "first_frame" | "end_frame" | undefined }[];
  elements?: { elementId: string }[];
  videos?: { videoUrl: string; referType: "base" | "feature"; keepOriginalSound: boolean }[];
  /** Kling 3.0 Omni only; never sent to O1. */
  sound?: boolean | undefined;
  /** Kling 3.0 Omni multi-shot; never sent to O1. Shots are in order, durations whole seconds. */
  storyboard?: { shotType: ShotType; shots: { prompt: string; duration: string }[] } | undefined;
  callbackUrl?: string | undefined;
  /** Our generation id, so a lost answer can be told apart from a new task. */
  externalTaskId: string;
};

export type ProviderTask = {
  taskId: string;
  status: ProviderTaskStatus;
  /** The provider's reason on failure (Kling's task_status_msg). */
  statusMessage: string | undefined;
  videoUrl: string | undefined;
  videoDurationSeconds: number | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
};

export interface CometClient {
  /** Never retried: a create that may have reached the provider must not be sent twice. */
  createTask(input: CreateTaskInput, options?: { signal?: AbortSignal }): Promise<ProviderTask>;
  /** Retried with backoff and jitter on 429, 5xx and network errors. */
  getTask(taskId: string, options?: { signal?: AbortSignal }): Promise<ProviderTask>;
}
