import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { handleKlingCallback } from "@/lib/callbacks/handle-kling-callback";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { checkGenerationAgain } from "@/lib/generation-commands/check-generation-again";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { retryGeneration } from "@/lib/generation-commands/retry-generation";
import { submitGenerationAgain } from "@/lib/generation-commands/submit-generation-again";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import { newId } from "@/lib/ids";
import { sayEnglish } from "@/tests/helpers/say-english";
import { refusalInEnglish } from "../helpers/say-english";
import {
  INPUT,
  type PipelineEnv,
  runWorkerUntilSettled,
  startPipelineEnv,
} from "./pipeline-helpers";

/**
 * Callbacks wake the worker (the body is never trusted), and the person-facing controls:
 * Retry with lineage, Check again, Submit again.
 */
let env: PipelineEnv;
let receiver: Server;
const received: { token: string; outcome: string }[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const token = (request.url ?? "").split("/").pop() ?? "";
    request.resume();
    handleKlingCallback(token).then(
      (outcome) => {
        received.push({ token, outcome });
        response.writeHead(outcome === "unknown" ? 404 : 204).end();
      },
      // A late callback (a task of an earlier test) may land while the database is torn down.
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  // Polling is made so slow that only a callback can finish a task within the test.
  env = await startPipelineEnv({
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    WORKER_MIN_POLL_MS: "60000",
  });
});
afterEach(() => env.reset());
afterAll(async () => {
  receiver.close();
  await env.close();
});

describe("callbacks", () => {
  it("sends a per-generation callback URL and finishes on the callback, re-reading the task", async () => {
    const created = await createGeneration({ ...INPUT, prompt: "Called back" });
    const row = await findGenerationRow(created.id);
    expect(row?.callbackToken).toMatch(/^[0-9a-z]{32}$/);
    const { creates } = await env.requests();
    expect(creates[0]?.callback_url).toBe(
      `${process.env.PUBLIC_BASE_URL}/api/callbacks/kling/${row?.callbackToken}`,
    );
    const [done] = await runWorkerUntilSettled([created.id], 60_000);
    expect(done?.status).toBe("succeeded");
    expect(done?.providerDoneAt).toBeInstanceOf(Date);
    expect(received.some((r) => r.token === row?.callbackToken && r.outcome === "woken")).toBe(
      true,
    );
    // Few queries: the callback, not the clock, told the worker when to look.
    expect((await env.requests()).counts.query).toBeLessThanOrEqual(3);
    // A late duplicate changes nothing.
    expect(await handleKlingCallback(row?.callbackToken ?? "")).toBe("ignored");
    expect((await findGenerationRow(created.id))?.status).toBe("succeeded");
  }, 90_000);

  it("ignores unknown tokens", async () => {
    expect(await handleKlingCallback("nosuchtoken0000000000000000000000")).toBe("unknown");
    expect(await handleKlingCallback("../../etc")).toBe("unknown");
  });
});

describe("retry, check again, submit again", () => {
  it("retries a failed generation as a new one linked to it, copying references", async () => {
    const failed = await createGeneration({ ...INPUT, prompt: "No [simulate:moderation]" });
    await runWorkerUntilSettled([failed.id]);
    await getDb().reference.create({
      data: {
        id: newId("ref"),
        generationId: failed.id,
        kind: "element",
        position: 0,
        elementId: "42",
        name: "Cat",
      },
    });
    const { id } = await retryGeneration(failed.id);
    const child = await findGenerationRow(id);
    expect(child).toMatchObject({
      parentId: failed.id,
      parentKind: "retry",
      prompt: failed.prompt,
    });
    expect(["submitted", "queued"]).toContain(child?.status);
    const refs = await getDb().reference.findMany({ where: { generationId: id } });
    expect(refs).toMatchObject([{ kind: "element", elementId: "42", name: "Cat" }]);
  });

  it("re-checks a timed-out generation and resumes following it", async () => {
    const created = await createGeneration({ ...INPUT, prompt: "Slow one" });
    // Set the clock back by hand, as an hour-old task would be (no product path does this).
    await getDb().generation.update({
      where: { id: created.id },
      data: { submittedAt: new Date(Date.now() - 60 * 60_000), nextCheckAt: null },
    });
    const [timedOut] = await runWorkerUntilSettled([created.id]);
    expect(timedOut).toMatchObject({ status: "failed", errorCode: "timed_out" });
    expect(sayEnglish(timedOut?.errorMessage ?? "")).toMatch(/check again/i);
    const resumed = await checkGenerationAgain(created.id);
    expect(["submitted", "processing"]).toContain(resumed.status);
    const [done] = await runWorkerUntilSettled([created.id]);
    expect(done?.status).toBe("succeeded");
  });

  it("explains that an uncertain create cannot be looked up, and submits again with a new external id", async () => {
    await env.faults({ create: [{ reset: true }] });
    const lost = await createGeneration({ ...INPUT, prompt: "Lost answer" });
    expect(lost.status).toBe("uncertain");
    await expect(checkGenerationAgain(lost.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await refusalInEnglish(checkGenerationAgain(lost.id))).toMatch(
      /no way to look a task up/i,
    );
    const again = await submitGenerationAgain(lost.id);
    expect(again.status).toBe("submitted");
    await expect(submitGenerationAgain(lost.id)).rejects.toMatchObject({ code: "conflict" });
    const { creates } = await env.requests();
    expect(creates.map((body) => body.external_task_id)).toEqual([
      lost.id,
      expect.stringMatching(new RegExp(`^${lost.id}-r[0-9a-z]+$`)),
    ]);
    resetEnvForTests();
  });
});
