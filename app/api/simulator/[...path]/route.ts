import "server-only";
import { getEnv } from "@/lib/env";
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
      key: env.simulator.key,
      speed: env.simulator.speed,
      urlTtlSeconds: env.simulator.urlTtlSeconds,
      controlEnabled: env.simulator.controlEnabled,
      // The worker runs in this process and downloads results over loopback.
      publicBaseUrl: `http://127.0.0.1:${env.port}/api/simulator`,
    });
  }
  return holder.__omniSimulator;
}

async function handle(request: Request): Promise<Response> {
  // With a real key configured the simulator does not exist.
  if (!getEnv().demoMode) return new Response("Not found", { status: 404 });
  return getSimulator().handle(request);
}

export { handle as DELETE, handle as GET, handle as HEAD, handle as POST };
