import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * Prefixed ids that sort by creation time: 10 chars of base32 milliseconds, then random.
 * Crockford's alphabet keeps them readable and URL-safe.
 */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export type IdPrefix = "gen" | "ref" | "el" | "elt" | "shr" | "up" | "col" | "bat" | "shot";

/**
 * An id of this kind as newId writes it, for action arguments: never a path, a query
 * object or a number. A malformed one reads like an unknown one.
 */
export function idSchema(prefix: IdPrefix) {
  return z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{1,40}$`), "There is no such item.");
}

export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  return `${prefix}_${encodeTime(now)}${randomChars(12)}`;
}

/** Share ids are long and carry no time, so they cannot be guessed or ordered. */
export function newSecretId(length = 32): string {
  return randomChars(length);
}

/** A secret id as newSecretId writes it (32 by default; 16 to 64 are read), and nothing else. */
export const secretIdSchema = z.string().regex(/^[0-9a-z]{16,64}$/, "There is no such item.");

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
