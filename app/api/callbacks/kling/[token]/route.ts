import { handleKlingCallback } from "@/lib/callbacks/handle-kling-callback";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/** Largest callback body read (then dropped): the body is only a hint and never parsed. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The provider's status-change callback (§5 of the contract). Answers fast; the token in
 * the path is the only thing used. Unknown tokens get 404 and change nothing.
 */
export async function POST(request: Request, context: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await context.params;
    await drain(request);
    const outcome = await handleKlingCallback(token);
    return new Response(null, { status: outcome === "unknown" ? 404 : 204 });
  } catch (error) {
    return errorResponse("POST /api/callbacks/kling/:token", error);
  }
}

async function drain(request: Request): Promise<void> {
  const reader = request.body?.getReader();
  if (!reader) return;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    bytes += value.byteLength;
    if (bytes > MAX_BODY_BYTES) {
      await reader.cancel();
      return;
    }
  }
}
