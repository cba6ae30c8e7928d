import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A copy of this checkout, built with `next build` and served as `npm start` serves it under the
 * given environment, so a test can build with a canary key without touching the checkout's
 * own `.next`. Works wherever the checkout is: the copy is made with Node (no rsync), and
 * node_modules is hard-linked when the temp folder shares a filesystem with the checkout,
 * else copied.
 */
export type BuiltCopy = { dir: string; base: string; stop(): Promise<void> };

const SKIPPED = new Set(["node_modules", ".next", "data", "test-results", ".git"]);

export function copyCheckout(repo: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "omni-built-copy-"));
  cpSync(repo, dir, {
    recursive: true,
    filter: (source) => !SKIPPED.has(path.relative(repo, source).split(path.sep)[0] ?? ""),
  });
  const modules = [path.join(repo, "node_modules"), path.join(dir, "node_modules")];
  try {
    execFileSync("cp", ["-al", ...modules], { stdio: "ignore" });
  } catch {
    rmSync(modules[1] ?? "", { recursive: true, force: true });
    execFileSync("cp", ["-a", ...modules], { stdio: "ignore" });
  }
  return dir;
}

/** A port nobody listens on right now (the OS picks it), so parallel runs do not collide. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

export function buildCopy(dir: string, env: NodeJS.ProcessEnv): void {
  execFileSync("npx", ["next", "build"], { cwd: dir, env, stdio: "ignore" });
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/db-migrate.ts"], {
    cwd: dir,
    env,
    stdio: "ignore",
  });
}

export async function startCopy(dir: string, env: NodeJS.ProcessEnv): Promise<BuiltCopy> {
  const port = Number(env.PORT);
  const base = `http://127.0.0.1:${port}`;
  // As `npm start` runs it: scripts/serve.mjs stamps each request with its real peer.
  const server: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: dir,
    env: { ...env, PORT: String(port) },
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  for (let i = 0; i < 150; i++) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i === 149) throw new Error(`the studio did not answer at ${base}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    dir,
    base,
    async stop() {
      if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
      await exited;
    },
  };
}
