import type { AspectRatio, Duration, Mode } from "@/lib/generations/limits";

/** Domain shapes of the provider; raw `Comet…` JSON never leaves lib/cometapi/. */
export type ProviderTaskStatus = "submitted" | "processing" | "succeed" | "failed";

export type CreateTaskInput = {
  prompt: string;
  mode: Mode;
  /** Left out of the body when undefined (first frame or base-video edit). */
  aspectRatio?: AspectRatio | undefined;
  duration: Duration;
  images?: { image: string; type?: "first_frame" | "end_frame" | undefined }[];
  elements?: { elementId: string }[];
  videos?: { videoUrl: string; referType: "base" | "feature"; keepOriginalSound: boolean }[];
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
