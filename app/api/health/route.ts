import { getRequestSession } from "@/lib/auth/session";
import { describeMediaTools } from "@/lib/media/media-tools";

export const dynamic = "force-dynamic";

/**
 * Liveness for load balancers and the test harness. Anyone gets `{ ok: true }`; whoever may
 * use the studio (signed in, or anyone when it is open) also sees which ffmpeg and ffprobe
 * read its media, and their versions — a stranger learns nothing about the machine.
 */
export async function GET(request: Request) {
  if (!(await getRequestSession(request))) return Response.json({ ok: true });
  try {
    return Response.json({ ok: true, media: await describeMediaTools() });
  } catch (error) {
    return Response.json({ ok: true, media: { error: (error as Error).message } });
  }
}
