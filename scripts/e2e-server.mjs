// Starts the built studio for Playwright on a fresh data folder, so every run begins empty.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const dataDir = process.env.E2E_DATA_DIR;
if (dataDir) rmSync(dataDir, { recursive: true, force: true });

const child = spawn("npm", ["run", "start"], { stdio: "inherit", env: process.env });
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
