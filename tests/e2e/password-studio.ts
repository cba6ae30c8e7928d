import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

/**
 * A second studio beside the main e2e server, with STUDIO_PASSWORD set, on a fresh data
 * folder: migrated, then started through scripts/serve.mjs as `npm start` runs it (it
 * stamps each request with its real peer). Resolves once /api/health answers.
 */
export async function startPasswordStudio(options: {
  port: number;
  dataDir: string;
  password: string;
  env?: Record<string, string>;
}): Promise<ChildProcess> {
  const { port, dataDir, password } = options;
  // Another run's server on this port would answer /api/health below in this one's place.
  const taken = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is already in use: give this run another E2E_PORT`);
  rmSync(dataDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    PORT: String(port),
    STUDIO_PASSWORD: password,
    DATABASE_URL: `file:${path.join(dataDir, "auth.db")}`,
    MEDIA_DIR: path.join(dataDir, "media"),
    SIMULATOR_DATA_DIR: path.join(dataDir, "simulator"),
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  const migrate = spawn("npm", ["run", "db:migrate"], { env, stdio: "ignore" });
  await new Promise((resolve) => migrate.on("exit", resolve));
  const studio = spawn(process.execPath, ["scripts/serve.mjs"], { env, stdio: "ignore" });
  for (let i = 0; i < 150; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return studio;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  studio.kill("SIGTERM");
  throw new Error("the studio with a password did not start");
}
