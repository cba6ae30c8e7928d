import { connect } from "node:net";
import pg from "pg";

/**
 * Which PostgreSQL server the tests and `db:check` use, if any. Shared by the vitest global
 * set-up (tests/setup/global-setup.ts) and scripts/db-check.ts so both decide the same way:
 *
 * - `TEST_POSTGRES_URL` set: that server, and it must let us in (a wrong URL is an error,
 *   not a skip).
 * - unset: the default local address, 127.0.0.1:5432, when something answers there and
 *   `postgres@…/postgres` can log in; otherwise PostgreSQL is skipped, with the reason.
 * - `REQUIRE_POSTGRES_TESTS=1` (set by .ci/run): a skip is an error.
 *
 * Tests and scripts are not app code, so this reads the environment itself (not lib/env.ts).
 */
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 5432;

export type TestPostgres =
  | { url: string; source: "TEST_POSTGRES_URL" | "detected" }
  | { url: undefined; reason: string };

type Env = Record<string, string | undefined>;

/** `at` is for this module's own tests; everyone else looks at the default address. */
export async function findTestPostgres(
  env: Env = process.env,
  at: { host: string; port: number } = { host: DEFAULT_HOST, port: DEFAULT_PORT },
): Promise<TestPostgres> {
  const found = await find(env, at.host, at.port);
  if (found.url === undefined && env.REQUIRE_POSTGRES_TESTS === "1") {
    throw new Error(
      `REQUIRE_POSTGRES_TESTS=1 but the PostgreSQL tests cannot run: ${found.reason}. ` +
        "Start PostgreSQL at 127.0.0.1:5432 or set TEST_POSTGRES_URL.",
    );
  }
  return found;
}

async function find(env: Env, host: string, port: number): Promise<TestPostgres> {
  const explicit = env.TEST_POSTGRES_URL;
  if (explicit) {
    const problem = await loginProblem(explicit);
    if (problem)
      throw new Error(`TEST_POSTGRES_URL (${redact(explicit)}) is not usable: ${problem}`);
    return { url: explicit, source: "TEST_POSTGRES_URL" };
  }
  if (!(await answers(host, port, 500))) {
    return {
      url: undefined,
      reason: `nothing answers at ${host}:${port} and TEST_POSTGRES_URL is not set`,
    };
  }
  const url = `postgres://postgres@${host}:${port}/postgres`;
  const problem = await loginProblem(url);
  if (problem) {
    return {
      url: undefined,
      reason:
        `a server answers at ${host}:${port} but ${url} cannot log in (${problem}); ` +
        "set TEST_POSTGRES_URL to a URL that may create databases",
    };
  }
  return { url, source: "detected" };
}

/** A bare TCP connect: cheap, and says "no server here" without waiting for a login. */
function answers(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function loginProblem(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A URL as it may be printed: without its password. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
}
