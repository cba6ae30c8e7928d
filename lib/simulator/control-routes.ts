import { cometError, jsonResponse } from "./responses";
import { emptyRequestLog, type SimContext } from "./sim-context";

/** /__sim/… — test controls; see README.md. Only routed when controlEnabled is true. */
export async function handleControl(
  ctx: SimContext,
  request: Request,
  route: string,
): Promise<Response> {
  const method = request.method;
  if (route === "faults") {
    if (method === "GET") return jsonResponse(200, ctx.faults.snapshot());
    if (method === "DELETE") {
      ctx.faults.clear();
      return jsonResponse(200, { ok: true });
    }
    if (method === "POST") {
      const problem = ctx.faults.add(await readJson(request));
      if (problem) return cometError(400, problem, "invalid_request");
      return jsonResponse(200, { ok: true, queued: ctx.faults.snapshot() });
    }
  }
  if (route === "requests") {
    if (method === "GET") return jsonResponse(200, ctx.log);
    if (method === "DELETE") {
      Object.assign(ctx.log, emptyRequestLog());
      return jsonResponse(200, { ok: true });
    }
  }
  if (route === "config") {
    if (method === "GET") return jsonResponse(200, publicSettings(ctx));
    if (method === "POST") {
      const problem = applyConfig(ctx, await readJson(request));
      if (problem) return cometError(400, problem, "invalid_request");
      return jsonResponse(200, publicSettings(ctx));
    }
  }
  return cometError(404, `unknown control route ${method} /__sim/${route}`);
}

function applyConfig(ctx: SimContext, body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return "body must be a JSON object";
  const { queryShape, speed, urlTtlSeconds } = body as Record<string, unknown>;
  if (queryShape !== undefined && queryShape !== "kling" && queryShape !== "wrapper") {
    return "queryShape must be kling or wrapper";
  }
  if (speed !== undefined && !(typeof speed === "number" && speed > 0)) {
    return "speed must be a positive number";
  }
  if (urlTtlSeconds !== undefined && !(typeof urlTtlSeconds === "number" && urlTtlSeconds > 0)) {
    return "urlTtlSeconds must be a positive number";
  }
  if (queryShape !== undefined) ctx.settings.queryShape = queryShape;
  if (typeof speed === "number") ctx.settings.speed = speed;
  if (typeof urlTtlSeconds === "number") ctx.settings.urlTtlSeconds = urlTtlSeconds;
  return undefined;
}

function publicSettings(ctx: SimContext) {
  const { queryShape, speed, urlTtlSeconds, renderScale } = ctx.settings;
  return { queryShape, speed, urlTtlSeconds, renderScale };
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return JSON.parse(await request.text());
  } catch {
    return undefined;
  }
}
