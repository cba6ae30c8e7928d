import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { logError, logInfo } from "@/lib/log";
import { runAction } from "@/lib/run-action";

/** The key never leaves the server: not in logs, not in what actions and routes answer. */
const KEY = "sk-canary-secrets-9f8e7d6c5b4a";
const saved = process.env.COMETAPI_KEY;

beforeAll(() => {
  process.env.COMETAPI_KEY = KEY;
  resetEnvForTests();
});
afterAll(() => {
  if (saved === undefined) delete process.env.COMETAPI_KEY;
  else process.env.COMETAPI_KEY = saved;
  resetEnvForTests();
});

function captureConsole(run: () => void): string {
  const lines: string[] = [];
  const error = vi
    .spyOn(console, "error")
    .mockImplementation((...args) => lines.push(args.join(" ")));
  const info = vi
    .spyOn(console, "info")
    .mockImplementation((...args) => lines.push(args.join(" ")));
  try {
    run();
  } finally {
    error.mockRestore();
    info.mockRestore();
  }
  return lines.join("\n");
}

describe("secrets", () => {
  it("logs redact the key and any Bearer token", () => {
    const output = captureConsole(() => {
      logError("test", new Error(`request failed with Authorization: Bearer ${KEY}`));
      logError("test", new AppError("provider_auth", "bad key", { detail: { echoed: KEY } }));
      logInfo("test", `key=${KEY} Bearer abc.def`);
    });
    expect(output).not.toContain(KEY);
    expect(output).not.toContain("abc.def");
    expect(output).toContain("[redacted]");
  });

  it("an unexpected error inside an action reaches the browser as a generic message", async () => {
    const result = await captureAsync(() =>
      runAction("test", async () => {
        throw new Error(`provider said: invalid key ${KEY} at /srv/app/lib/cometapi/client.ts:42`);
      }),
    );
    expect(result).toEqual({
      ok: false,
      error: "Something went wrong on the server.",
      code: "internal",
    });
  });

  it("an unexpected error inside a route answers 500 without internals", async () => {
    const response = await errorResponseQuiet(new Error(`boom ${KEY}`));
    const body = await response.json();
    expect(response.status).toBe(500);
    expect(JSON.stringify(body)).not.toContain(KEY);
  });
});

async function captureAsync<T>(run: () => Promise<T>): Promise<T> {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    return await run();
  } finally {
    spy.mockRestore();
  }
}

async function errorResponseQuiet(error: unknown): Promise<Response> {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    return await errorResponse("test", error);
  } finally {
    spy.mockRestore();
  }
}
