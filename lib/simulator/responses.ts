import { randomUUID } from "node:crypto";
import type { QueryShape, SimTask, TaskView } from "./types";

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

/** CometAPI's gateway error (auth, bad JSON, unknown route). */
export function cometError(status: number, message: string, code = ""): Response {
  return jsonResponse(status, { error: { message, type: "comet_api_error", code } });
}

/** The gateway's 400 unless the request says it is JSON (contract §1: a create is sent as JSON). */
export function nonJsonRefusal(request: Request): Response | undefined {
  const type = (request.headers.get("content-type") ?? "").trim();
  if (/^application\/json\s*(;|$)/i.test(type)) return undefined;
  return cometError(
    400,
    "Invalid request: Content-Type must be application/json",
    "invalid_request",
  );
}

/** The gateway's 400 for a JSON request whose text does not parse. */
export function badJsonRefusal(): Response {
  return cometError(400, "Invalid request: body is not valid JSON", "invalid_request");
}

/** Kling's own rejection, passed through by CometAPI. */
export function klingError(status: number, code: number, message: string): Response {
  return jsonResponse(status, { code, message, request_id: randomUUID() });
}

/** §3.1 */
export function createdAnswer(task: SimTask): Response {
  return jsonResponse(200, {
    code: 0,
    message: "SUCCEED",
    request_id: randomUUID(),
    data: {
      task_id: task.taskId,
      task_status: "submitted",
      task_info: taskInfo(task),
      created_at: task.createdAt,
      updated_at: task.createdAt,
    },
  });
}

/** The Kling task object of §3.2, also the callback payload of §5. */
export function klingTaskData(task: SimTask, view: TaskView, videoUrl: string | undefined) {
  const videos =
    view.status === "succeed" && task.video && videoUrl
      ? [
          {
            id: `v-${task.taskId}`,
            url: videoUrl,
            duration: formatSeconds(task.video.durationSeconds),
          },
        ]
      : undefined;
  return {
    task_id: task.taskId,
    task_status: view.status,
    task_status_msg: view.statusMessage,
    task_info: taskInfo(task),
    task_result: videos ? { videos } : {},
    created_at: task.createdAt,
    updated_at: view.updatedAt,
  };
}

const WRAPPER_STATUS = {
  submitted: "SUBMITTED",
  processing: "IN_PROGRESS",
  succeed: "SUCCESS",
  failed: "FAILURE",
} as const;

export function queryAnswer(
  shape: QueryShape,
  data: ReturnType<typeof klingTaskData>,
  view: TaskView,
): Response {
  if (shape === "kling") {
    return jsonResponse(200, { code: 0, message: "success", request_id: randomUUID(), data });
  }
  // §3.3: new-api's wrapper around the Kling task object.
  return jsonResponse(200, {
    code: "success",
    message: "",
    data: {
      task_id: data.task_id,
      action: "OMNI_VIDEO",
      status: WRAPPER_STATUS[view.status],
      progress: `${view.progress}%`,
      fail_reason: view.status === "failed" ? view.statusMessage : "",
      submit_time: Math.floor(data.created_at / 1000),
      finish_time: view.progress === 100 ? Math.floor(view.updatedAt / 1000) : 0,
      data,
    },
  });
}

function taskInfo(task: SimTask): { external_task_id?: string } {
  return task.externalTaskId === undefined ? {} : { external_task_id: task.externalTaskId };
}

/** "5", "5.1": Kling reports seconds as a string with at most one decimal. */
function formatSeconds(seconds: number): string {
  return String(Math.round(seconds * 10) / 10);
}
