import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { type CometClientOptions, createCometClient } from "@/lib/cometapi/client";
import type { CometClient } from "@/lib/cometapi/types";
import { type FakeProvider, klingEnvelope, startFakeProvider } from "./fake-provider";

export const TEST_TASK_ID = "878106484537192522";
export const TEST_RESULT_URL = "https://cdn.example.test/out.mp4";

/** A finished task in the Kling envelope (contract §3.2), as the get tests expect it. */
export const succeededTaskEnvelope = klingEnvelope({
  task_id: TEST_TASK_ID,
  task_status: "succeed",
  task_status_msg: "",
  task_info: { external_task_id: "gen_1" },
  task_result: {
    videos: [{ id: "v-1", url: TEST_RESULT_URL, watermark_url: "x", duration: "5.1" }],
  },
  final_unit_deduction: "5",
  created_at: 1777385419126,
  updated_at: 1777385430317,
});

export type CometTestHarness = {
  /** The fake provider of the current test (or file, with `scope: "file"`). */
  readonly provider: FakeProvider;
  /** Everything the client logged as a warning during the current test. */
  readonly warnings: string[];
  client(overrides?: Partial<CometClientOptions>): CometClient;
};

/**
 * The real client against a fake provider on a local HTTP server, with tiny retry delays
 * and a logger that records warnings (so tests can prove the key never reaches a log).
 * Registers its own set-up and tear-down hooks; call it at the top of a test file.
 */
export function setUpCometHarness(options: {
  apiKey: string;
  retry: CometClientOptions["retry"];
  scope?: "test" | "file";
}): CometTestHarness {
  let provider: FakeProvider | undefined;
  const warnings: string[] = [];
  const [before, after] =
    options.scope === "file" ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    provider = await startFakeProvider();
  });
  after(async () => {
    await provider?.close();
  });
  beforeEach(() => {
    warnings.length = 0;
  });
  return {
    get provider() {
      if (!provider) throw new Error("the fake provider is not running yet");
      return provider;
    },
    warnings,
    client(overrides = {}) {
      return createCometClient({
        baseUrl: this.provider.baseUrl,
        apiKey: options.apiKey,
        timeoutMs: 2_000,
        retry: options.retry,
        logger: { warn: (message, meta) => warnings.push(`${message} ${JSON.stringify(meta)}`) },
        ...overrides,
      });
    },
  };
}
