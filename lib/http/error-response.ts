import "server-only";
import { isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";

/** Maps any error to a JSON response; only AppError messages reach the client. */
export function errorResponse(context: string, error: unknown): Response {
  if (isAppError(error)) {
    return Response.json({ error: error.message, code: error.code }, { status: error.httpStatus });
  }
  logError(context, error);
  return Response.json(
    { error: "Something went wrong on the server.", code: "internal" },
    { status: 500 },
  );
}
