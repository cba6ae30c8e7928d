import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { findTestPostgres } from "@/scripts/find-test-postgres";

/**
 * The decision behind "the PostgreSQL tests ran" (and db:check's live step): run where a
 * server answers, skip with a reason where none does, and fail under CI instead of skipping.
 * The real server at 127.0.0.1:5432 is covered by every run on a machine that has one.
 */
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A port that answers TCP and hangs up at once: something, but not a PostgreSQL login. */
async function notPostgres(): Promise<number> {
  server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

/** A port nothing listens on (freed right after it was picked). */
async function closedPort(): Promise<number> {
  const port = await notPostgres();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  return port;
}

describe("findTestPostgres", () => {
  it("skips, saying why, when nothing answers and no URL is set", async () => {
    const port = await closedPort();
    const found = await findTestPostgres({}, { host: "127.0.0.1", port });
    expect(found).toEqual({
      url: undefined,
      reason: `nothing answers at 127.0.0.1:${port} and TEST_POSTGRES_URL is not set`,
    });
  });

  it("skips, saying why, when something answers but will not log in", async () => {
    const port = await notPostgres();
    const found = await findTestPostgres({}, { host: "127.0.0.1", port });
    expect(found.url).toBeUndefined();
    expect(found).toMatchObject({
      reason: expect.stringContaining(`a server answers at 127.0.0.1:${port} but`),
    });
  });

  it("turns the skip into an error under REQUIRE_POSTGRES_TESTS=1", async () => {
    const port = await closedPort();
    await expect(
      findTestPostgres({ REQUIRE_POSTGRES_TESTS: "1" }, { host: "127.0.0.1", port }),
    ).rejects.toThrow(/REQUIRE_POSTGRES_TESTS=1 but the PostgreSQL tests cannot run: nothing/);
  });

  it("refuses a TEST_POSTGRES_URL it cannot use instead of skipping quietly", async () => {
    const port = await closedPort();
    const url = `postgres://postgres:secret@127.0.0.1:${port}/test`;
    const error = await findTestPostgres({ TEST_POSTGRES_URL: url }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/TEST_POSTGRES_URL \(postgres:\/\/postgres:\*\*\*@/);
    expect((error as Error).message).not.toContain("secret");
  });
});
