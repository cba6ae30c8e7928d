import "server-only";
import { ZodError, type z } from "zod";
import { localMessage } from "@/i18n/local-message";
import { sayOnServer } from "@/i18n/say-on-server";
import { requireSession } from "@/lib/auth/session";
import { type ActionResult, invalidInputError, isAppError } from "@/lib/errors";
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
    const say = await sayOnServer();
    if (isAppError(error)) {
      const fieldErrors =
        error.fieldErrors &&
        Object.fromEntries(
          Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.map(say)]),
        );
      return { ok: false, error: say(error.message), code: error.code, fieldErrors };
    }
    if (error instanceof ZodError) {
      return { ok: false, error: say(localMessage("errors.notUnderstood")), code: "invalid_input" };
    }
    logError(name, error);
    return { ok: false, error: say(localMessage("errors.internal")), code: "internal" };
  }
}

type ActionArgs = readonly unknown[];

/**
 * Every server action is made here: the schema of its arguments (a tuple, parsed on the
 * server whatever the browser sent), then the work with the parsed values. `guard` runs on
 * the raw arguments first, for checks that must count even malformed requests (rate,
 * budget, hostile text). Bad input is refused with field errors and nothing is done.
 */
export function defineAction<In extends ActionArgs, Out extends ActionArgs, T>(
  name: string,
  argsSchema: z.ZodType<Out, In>,
  work: (...args: Out) => Promise<T>,
  options: { guard?: (...raw: In) => Promise<void> } = {},
): (...args: In) => Promise<ActionResult<T>> {
  return async (...args) =>
    runAction(name, async () => {
      await options.guard?.(...args);
      const parsed = argsSchema.safeParse(args);
      if (!parsed.success) {
        // Paths start with the argument's index; the field is what follows it.
        throw invalidInputError(
          parsed.error.issues.map((issue) => ({
            field: issue.path.length > 1 ? String(issue.path[1]) : "form",
            message: issue.message,
          })),
        );
      }
      return work(...parsed.data);
    });
}
