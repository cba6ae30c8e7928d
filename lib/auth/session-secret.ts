import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

let cached: { file: string; secret: Buffer } | undefined;

/**
 * The server secret that signs session cookies. Kept in the data folder (created once, mode
 * 0600) so sessions survive restarts and are shared by instances on one disk. When the folder
 * cannot be written (a read-only image) it is derived from the password and the API key —
 * weaker, but still unknown to anyone without them.
 */
export function getSessionSecret(): Buffer {
  const env = getEnv();
  const file = path.join(env.dataDir, "session-secret");
  if (cached?.file === file) return cached.secret;
  const secret = readOrCreate(file) ?? derive(env.studioPassword, env.cometApiKey);
  cached = { file, secret };
  return secret;
}

function readOrCreate(file: string): Buffer | undefined {
  try {
    const text = readFileSync(file, "utf8").trim();
    if (/^[0-9a-f]{64}$/.test(text)) return Buffer.from(text, "hex");
  } catch {
    // Not there yet: create it below.
  }
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  } catch {
    // Another process may have won the race ("wx"): read theirs.
  }
  try {
    const text = readFileSync(file, "utf8").trim();
    return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, "hex") : undefined;
  } catch {
    return undefined;
  }
}

function derive(password = "", key = ""): Buffer {
  return createHash("sha256").update(`omni-studio-session\0${password}\0${key}`).digest();
}
