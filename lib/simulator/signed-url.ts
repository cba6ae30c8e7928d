import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The signing secret is random per data folder and kept there, so URLs handed out before a
 * restart stay valid until they expire, and nobody can mint one from the (public) key.
 */
export async function loadUrlSecret(dataDir: string): Promise<string> {
  const filePath = path.join(dataDir, "url-secret");
  try {
    return (await readFile(filePath, "utf8")).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    try {
      await writeFile(filePath, randomBytes(32).toString("hex"), { flag: "wx" });
    } catch {
      // Another instance created it first; read theirs below.
    }
    return (await readFile(filePath, "utf8")).trim();
  }
}

export function signFileUrl(
  publicBaseUrl: string,
  fileName: string,
  expiresEpochSeconds: number,
  secret: string,
): string {
  const sig = signature(fileName, expiresEpochSeconds, secret);
  return `${publicBaseUrl}/files/${fileName}?expires=${expiresEpochSeconds}&sig=${sig}`;
}

export function checkFileUrl(
  fileName: string,
  expires: string | null,
  sig: string | null,
  secret: string,
  nowEpochSeconds: number,
): "ok" | "expired" | "bad_signature" {
  const expiresNumber = Number(expires);
  if (!expires || !sig || !Number.isInteger(expiresNumber)) return "bad_signature";
  const expected = Buffer.from(signature(fileName, expiresNumber, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return "bad_signature";
  }
  return nowEpochSeconds >= expiresNumber ? "expired" : "ok";
}

function signature(fileName: string, expires: number, secret: string): string {
  return createHmac("sha256", secret).update(`${fileName}\n${expires}`).digest("hex").slice(0, 32);
}
