/**
 * What anyone may reach without signing in, by path. Everything else needs a session when
 * STUDIO_PASSWORD is set. Prefixes end at a segment boundary, so `/sign-in-x` is not public.
 */
export const PUBLIC_PATH_PREFIXES = [
  "/s", // share pages
  "/api/share-media", // the media of shared generations (checks the share itself)
  "/api/callbacks", // the provider's callback (checks its unguessable token)
  "/api/health",
  "/api/simulator", // the built-in simulator checks its own Bearer key
  "/sign-in",
  "/_next/static",
  "/_next/image",
] as const;

/** Single files Next serves from app/ conventions. */
export const PUBLIC_FILES = ["/favicon.ico", "/icon.svg", "/robots.txt"] as const;

export const SIGN_IN_PATH = "/sign-in";

export function isPublicPath(pathname: string): boolean {
  if ((PUBLIC_FILES as readonly string[]).includes(pathname)) return true;
  return PUBLIC_PATH_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}

/** Share pages may be framed by other sites; nothing else may. */
export function isEmbeddablePath(pathname: string): boolean {
  return pathname === "/s" || pathname.startsWith("/s/");
}

/** Where to go after signing in: only a local path, never another origin. */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f]/.test(value)) return "/";
  return value;
}
