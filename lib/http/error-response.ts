import "server-only";
import { localMessage } from "@/i18n/local-message";
import { sayOnServer } from "@/i18n/say-on-server";
import { isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";

/**
 * Maps any error to a JSON response in the reader's language; only AppError messages reach
 * the client.
 */
export async function errorResponse(context: string, error: unknown): Promise<Response> {
  const say = await sayOnServer();
  if (isAppError(error)) {
    return Response.json(
      { error: say(error.message), code: error.code },
      { status: error.httpStatus },
    );
  }
  logError(context, error);
  return Response.json(
    { error: say(localMessage("errors.internal")), code: "internal" },
    { status: 500 },
  );
}
