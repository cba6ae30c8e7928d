import { randomBytes } from "node:crypto";

/**
 * Prefixed ids that sort by creation time: 10 chars of base32 milliseconds, then random.
 * Crockford's alphabet keeps them readable and URL-safe.
 */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export type IdPrefix = "gen" | "ref" | "el" | "shr" | "up";

export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  return `${prefix}_${encodeTime(now)}${randomChars(12)}`;
}

/** Share ids are long and carry no time, so they cannot be guessed or ordered. */
export function newSecretId(length = 32): string {
  return randomChars(length);
}

function encodeTime(ms: number): string {
  let out = "";
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function randomChars(count: number): string {
  const bytes = randomBytes(count);
  let out = "";
  for (const byte of bytes) out += ALPHABET.charAt(byte % 32);
  return out;
}
