import "server-only";
import { ZodError } from "zod";
import { requireSession } from "@/lib/auth/session";
import { type ActionResult, isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";

/**
 * Turns a server function into an action result: AppErrors keep their message, input that
 * fails a schema gets a clear "invalid input" answer, the rest is logged and hidden. Every
 * action goes through here, so here is where the session is checked (an action is a POST to
 * whatever page uses it; proxy.ts alone is not enough).
 */
export async function runAction<T>(name: string, work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    await requireSession();
    return { ok: true, data: await work() };
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
    }
    if (error instanceof ZodError) {
      return { ok: false, error: "The request was not understood.", code: "invalid_input" };
    }
    logError(name, error);
    return { ok: false, error: "Something went wrong on the server.", code: "internal" };
  }
}
