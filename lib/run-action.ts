import "server-only";
import { type ActionResult, isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";

/** Turns a server function into an action result: AppErrors keep their message, the rest is logged and hidden. */
export async function runAction<T>(name: string, work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
    }
    logError(name, error);
    return { ok: false, error: "Something went wrong on the server.", code: "internal" };
  }
}
