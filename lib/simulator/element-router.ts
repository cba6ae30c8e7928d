import "server-only";
import {
  handleElementCreate,
  handleElementDelete,
  handleElementList,
  handleElementQuery,
} from "./element-routes";
import { cometError } from "./responses";
import type { SimContext } from "./sim-context";

const CUSTOM = "/kling/v1/general/advanced-custom-elements";
const PRESETS = "/kling/v1/general/advanced-presets-elements";
const DELETE = "/kling/v1/general/delete-elements";

/** The element routes of contract §6, or undefined for any other path. */
export function routeElementRequest(
  ctx: SimContext,
  request: Request,
  path: string,
): Promise<Response> | undefined {
  const method = request.method;
  const notAllowed = () =>
    Promise.resolve(cometError(405, `Method ${method} not allowed on ${path}`));
  if (path === CUSTOM) {
    if (method === "POST") return handleElementCreate(ctx, request);
    return method === "GET" ? handleElementList(ctx, request, false) : notAllowed();
  }
  if (path.startsWith(`${CUSTOM}/`)) {
    const taskId = decodeURIComponent(path.slice(CUSTOM.length + 1));
    return method === "GET" ? handleElementQuery(ctx, request, taskId) : notAllowed();
  }
  if (path === PRESETS)
    return method === "GET" ? handleElementList(ctx, request, true) : notAllowed();
  if (path === DELETE) return method === "POST" ? handleElementDelete(ctx, request) : notAllowed();
  return undefined;
}
