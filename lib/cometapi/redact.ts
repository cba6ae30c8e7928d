/**
 * Scrubs credentials from text bound for logs or error details. Provider error bodies can
 * echo the token they refused, so every body and message from CometAPI passes through here.
 */
const PATTERNS: readonly RegExp[] = [
  // `Authorization: Bearer <token>` and bare `Bearer <token>` fragments.
  /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  // CometAPI / new-api / OpenAI-style keys.
  /\bsk-[A-Za-z0-9_-]{6,}/g,
];

const MASK = "[redacted]";

export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const secret of secrets) {
    // Very short "secrets" would shred ordinary text; no real key is that short.
    if (secret && secret.length >= 6) result = result.split(secret).join(MASK);
  }
  for (const pattern of PATTERNS) {
    result = result.replace(pattern, (match, prefix: unknown) =>
      typeof prefix === "string" && match.startsWith(prefix) ? `${prefix}${MASK}` : MASK,
    );
  }
  return result;
}

/** Truncates after redacting, so a key cut in half at the boundary is still caught whole. */
export function redactAndTruncate(
  text: string,
  secrets: readonly (string | undefined)[],
  maxChars = 2000,
): string {
  const clean = redactSecrets(text, secrets);
  return clean.length > maxChars ? `${clean.slice(0, maxChars)}… (${clean.length} chars)` : clean;
}
