import { describe, expect, it } from "vitest";
import { getProviderErrorDetail } from "@/lib/cometapi/errors";
import type { AppError, ErrorCode } from "@/lib/errors";
import { setUpCometHarness } from "@/tests/helpers/comet-test-client";
import {
  gatewayError as gateway,
  klingError as kling,
  newApiError as newApi,
  rejectionOf,
  type ScriptedReply,
} from "@/tests/helpers/fake-provider";
import { sayEnglish } from "@/tests/helpers/say-english";

const KEY = "sk-test-errors-0123456789abcdef";
const comet = setUpCometHarness({
  apiKey: KEY,
  retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  scope: "file",
});
const client = () => comet.client();

async function failWith(reply: ScriptedReply): Promise<AppError> {
  comet.provider.reply(reply);
  return rejectionOf<AppError>(client().getTask("task-1"));
}

type Case = [string, ScriptedReply, ErrorCode, string, RegExp];

const cases: Case[] = [
  [
    "gateway 401",
    gateway(401, "invalid token"),
    "provider_auth",
    "auth",
    /CometAPI key was refused/,
  ],
  ...[1000, 1001, 1002, 1003, 1004].map(
    (code): Case => [
      `Kling ${code}`,
      kling(401, code, "auth failed"),
      "provider_auth",
      "auth",
      /key was refused/,
    ],
  ),
  [
    "gateway 400",
    gateway(400, "field prompt is required"),
    "provider_rejected",
    "invalid_request",
    /rejected the request\. The provider said: field prompt is required/,
  ],
  [
    "Kling 1200",
    kling(400, 1200, "invalid request"),
    "provider_rejected",
    "invalid_request",
    /invalid request/,
  ],
  [
    "Kling 1201",
    kling(400, 1201, "duration must be 5 or 10"),
    "provider_rejected",
    "invalid_request",
    /duration must be 5 or 10/,
  ],
  [
    "Kling 1300",
    kling(400, 1300, "platform policy"),
    "provider_rejected",
    "content_policy",
    /content policy\. The provider said: platform policy/,
  ],
  [
    "Kling 1301",
    kling(400, 1301, "content safety"),
    "provider_rejected",
    "content_policy",
    /content policy/,
  ],
  [
    "gateway 403",
    gateway(403, "token quota exhausted"),
    "provider_rejected",
    "no_access",
    /no access .* quota is spent\. The provider said: token quota exhausted/,
  ],
  [
    "Kling 1103",
    kling(403, 1103, "no permission"),
    "provider_rejected",
    "no_access",
    /no permission/,
  ],
  ["gateway 429", gateway(429, "rate limited"), "rate_limited", "http_429", /rate limiting/],
  [
    "Kling 1302",
    kling(429, 1302, "too fast"),
    "rate_limited",
    "too_fast",
    /limiting the request rate/,
  ],
  [
    "Kling 1303",
    kling(429, 1303, "parallel task over resource pack limit"),
    "rate_limited",
    "too_many_tasks",
    /too many videos in progress/,
  ],
  [
    "429 with 1303's text only",
    gateway(429, "parallel task over resource pack limit"),
    "rate_limited",
    "too_many_tasks",
    /too many videos/,
  ],
  [
    "Kling 1100",
    kling(429, 1100, "account abnormal"),
    "provider_rejected",
    "account",
    /account cannot run tasks/,
  ],
  ...[1101, 1102].map(
    (code): Case => [
      `Kling ${code} (a billing problem, not a rate limit)`,
      kling(429, code, "resource pack used up"),
      "provider_billing",
      "billing",
      /^Billing problem: .*out of credit.*Top up/,
    ],
  ),
  [
    "Kling 1304",
    kling(429, 1304, "ip not allowed"),
    "provider_rejected",
    "ip_whitelist",
    /IP whitelist/,
  ],
  [
    "Kling 5000",
    kling(500, 5000, "internal error"),
    "provider_unavailable",
    "provider_internal",
    /internal error \(Kling 5000\)/,
  ],
  [
    "Kling 5001",
    kling(503, 5001, "maintenance"),
    "provider_unavailable",
    "maintenance",
    /maintenance \(Kling 5001\)/,
  ],
  [
    "Kling 5002",
    kling(504, 5002, "timeout"),
    "provider_unavailable",
    "upstream_timeout",
    /timed out \(Kling 5002\)/,
  ],
  [
    "gateway 500 invalid_request",
    gateway(500, "bad json", "invalid_request"),
    "provider_rejected",
    "invalid_request",
    /bad json/,
  ],
  [
    "new-api 500",
    newApi(500, "do_request_failed", "upstream error"),
    "provider_unavailable",
    "upstream",
    /HTTP 500/,
  ],
  [
    "new-api 404",
    newApi(404, "task_not_exist", "task not found"),
    "provider_rejected",
    "task_not_found",
    /^Task not found: the provider has no task with this id/,
  ],
  [
    "Kling code on HTTP 200",
    kling(200, 1303, "parallel task over resource pack limit"),
    "rate_limited",
    "too_many_tasks",
    /too many videos/,
  ],
  [
    "new-api failure on HTTP 200",
    newApi(200, "fail_to_fetch_task", "fetch failed"),
    "provider_rejected",
    "invalid_request",
    /fetch failed/,
  ],
  [
    "gateway error on HTTP 200",
    gateway(200, "model not found"),
    "provider_rejected",
    "invalid_request",
    /model not found/,
  ],
  [
    "Cloudflare 524 HTML",
    { status: 524, text: "<html>timeout</html>", headers: { "content-type": "text/html" } },
    "provider_unavailable",
    "upstream",
    /HTTP 524/,
  ],
  [
    "HTML on 200",
    {
      status: 200,
      text: "<!doctype html><p>Welcome</p>",
      headers: { "content-type": "text/html; charset=utf-8" },
    },
    "provider_bad_response",
    "bad_response",
    /text\/html instead of JSON/,
  ],
  [
    "no content type on 200",
    { status: 200, text: "ok" },
    "provider_bad_response",
    "bad_response",
    /instead of JSON/,
  ],
  [
    "non-JSON with a JSON type",
    { status: 200, text: "{not json", headers: { "content-type": "application/json" } },
    "provider_bad_response",
    "bad_response",
    /invalid JSON/,
  ],
  [
    "301 redirect",
    { status: 301, headers: { location: "https://www.cometapi.com/" } },
    "provider_bad_response",
    "redirect",
    /redirect \(HTTP 301\) to https:\/\/www\.cometapi\.com\//,
  ],
];

describe("provider errors", () => {
  it.each(cases)("%s", async (_name, reply, code, reason, message) => {
    const error = await failWith(reply);
    expect(error.code).toBe(code);
    expect(getProviderErrorDetail(error)?.reason).toBe(reason);
    expect(sayEnglish(error.message)).toMatch(message);
  });
});
