import { getDb } from "@/lib/db/client";
import { toElementView } from "@/lib/elements/element-repository";
import { findElementTaskViews, listElementTaskViews } from "@/lib/elements/element-task-repository";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/**
 * What the library polls while elements are being made: the tasks asked for by `?ids=` (all
 * unfinished and failed ones without it) and the library elements the finished ones became.
 * It reads the database only; the sync worker talks to the provider.
 */
export async function GET(request: Request) {
  try {
    const ids = new URL(request.url).searchParams.get("ids");
    const tasks = ids ? await findElementTaskViews(ids.split(",")) : await listElementTaskViews();
    const rowIds = tasks.flatMap((task) => (task.elementRowId ? [task.elementRowId] : []));
    const rows = rowIds.length
      ? await getDb().element.findMany({ where: { id: { in: rowIds } } })
      : [];
    return Response.json(
      { tasks, elements: rows.map(toElementView) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse("GET /api/element-tasks", error);
  }
}
