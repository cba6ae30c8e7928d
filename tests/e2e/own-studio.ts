import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

/**
 * A studio of a spec's own (built app, as `npm start` serves it) on its own port and data
 * folder, for tests that kill and restart it or aim it at another provider.
 */
export type OwnStudio = {
  baseURL: string;
  dataDir: string;
  start(): Promise<void>;
  kill(): Promise<void>;
  /** Kills it and forgets its data: the next start() begins from an empty studio. */
  discard(): Promise<void>;
};

export function ownStudio(options: {
  port: number;
  name: string;
  env?: Record<string, string>;
}): OwnStudio {
  const baseURL = `http://127.0.0.1:${options.port}`;
  const dataDir = path.resolve("test-results", options.name);
  const databaseUrl = `file:${path.join(dataDir, "studio.db")}`;
  let child: ChildProcess | undefined;
  let migrated = false;
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  return {
    baseURL,
    dataDir,
    kill,
    async discard() {
      await kill();
      migrated = false;
    },
    async start() {
      if (!migrated) {
        rmSync(dataDir, { recursive: true, force: true });
        const migrate = spawn("npm", ["run", "db:migrate"], {
          env: { ...process.env, DATABASE_URL: databaseUrl },
          stdio: "ignore",
        });
        await new Promise((resolve) => migrate.on("exit", resolve));
        migrated = true;
      }
      // The server's output is kept beside the data folder (which a new run wipes), so a
      // failed run's log can still be read afterwards.
      // Something already answering here is another run's server: its health check would
      // pass for ours (seen with E2E_PORT values three apart).
      if (
        await fetch(`${baseURL}/api/health`).then(
          () => true,
          () => false,
        )
      ) {
        throw new Error(`port ${options.port} is taken by another server; choose another E2E_PORT`);
      }
      const log = openSync(`${dataDir}-server.log`, "a");
      writeSync(log, `\n--- start ${new Date().toISOString()}\n`);
      child = spawn(process.execPath, ["scripts/serve.mjs"], {
        env: {
          ...process.env,
          PORT: String(options.port),
          DATABASE_URL: databaseUrl,
          MEDIA_DIR: path.join(dataDir, "media"),
          SIMULATOR_DATA_DIR: path.join(dataDir, "simulator"),
          WORKER_MIN_POLL_MS: "400",
          NEXT_TELEMETRY_DISABLED: "1",
          ...options.env,
        },
        stdio: ["ignore", log, log],
      });
      closeSync(log);
      const started = child;
      for (let i = 0; i < 150; i++) {
        // Without this, a studio that died at once (its port taken by another run's server)
        // would count as started as soon as that other server answered the health check.
        if (started.exitCode !== null) {
          throw new Error(`studio on ${baseURL} exited at start; see ${dataDir}-server.log`);
        }
        try {
          if ((await fetch(`${baseURL}/api/health`)).ok) return;
        } catch {}
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`studio on ${baseURL} did not start`);
    },
  };
}
