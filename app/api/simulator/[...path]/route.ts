import "server-only";
import { getEnv } from "@/lib/env";
import { isLocalRequest } from "@/lib/security/client-address";
import { createSimulator, type Simulator } from "@/lib/simulator/create-simulator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The built-in CometAPI stand-in for demo mode. One instance per process, kept on
 * globalThis so dev reloads and separately bundled routes share its render queue.
 */
const holder = globalThis as typeof globalThis & { __omniSimulator?: Simulator };

function getSimulator(): Simulator {
  if (!holder.__omniSimulator) {
    const env = getEnv();
    holder.__omniSimulator = createSimulator({
      dataDir: env.simulator.dataDir,
      // Random per process unless SIMULATOR_KEY is set: only this process's client has it.
      key: env.simulator.key,
      speed: env.simulator.speed,
      urlTtlSeconds: env.simulator.urlTtlSeconds,
      controlEnabled: env.simulator.controlEnabled,
      // The worker runs in this process and downloads results over loopback.
      publicBaseUrl: `http://127.0.0.1:${env.port}/api/simulator`,
      // The studio's callback URLs start with this loopback base (lib/env.ts): the only
      // place this simulator may post to.
      ...(env.callbackBaseUrl ? { callbackBaseUrl: env.callbackBaseUrl } : {}),
    });
  }
  return holder.__omniSimulator;
}

/**
 * Served only to this machine: the studio's own client and worker call it over loopback,
 * and nobody else has any business with it (its result links included). The address is
 * the connection's (scripts/serve.mjs), never a header the caller wrote.
 */
async function handle(request: Request): Promise<Response> {
  // With a real key configured the simulator does not exist.
  if (!getEnv().demoMode) return new Response("Not found", { status: 404 });
  if (!isLocalRequest(request.headers)) {
    return Response.json(
      { error: { message: "The built-in simulator serves this machine only.", code: "" } },
      { status: 403 },
    );
  }
  return getSimulator().handle(request);
}

export { handle as DELETE, handle as GET, handle as HEAD, handle as POST };
