import "server-only";
import { getDb } from "@/lib/db/client";
import { newSessionId, SESSION_TTL_MS, type SessionKeys, signSessionToken } from "./session-token";

/**
 * Sessions live in the database, not only in the cookie: a row per signed-in browser, looked
 * up on every request. Chosen over a per-secret generation counter because it can end one
 * session (signing out on a shared computer leaves the phone signed in), and because every
 * instance sharing the database sees a sign-out at once. The cost is one primary-key read per
 * request.
 */
export async function createSession(
  keys: SessionKeys,
  now: number = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  const db = getDb();
  // Expired rows are never honoured; they are cleared here so the table stays small.
  await db.session.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  const id = newSessionId();
  const expiresAt = now + SESSION_TTL_MS;
  await db.session.create({ data: { id, expiresAt: new Date(expiresAt) } });
  return { token: signSessionToken(keys, id, expiresAt), expiresAt };
}

export async function isLiveSession(id: string, now: number = Date.now()): Promise<boolean> {
  const row = await getDb().session.findUnique({ where: { id }, select: { expiresAt: true } });
  return row !== null && row.expiresAt.getTime() > now;
}

export async function endSession(id: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id } });
}

/** "Sign out everywhere": every session of every browser ends. */
export async function endAllSessions(): Promise<number> {
  return (await getDb().session.deleteMany({})).count;
}
