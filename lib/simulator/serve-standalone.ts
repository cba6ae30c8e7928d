import "server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createSimulator, type Simulator } from "./create-simulator";
import { isResetResponse } from "./fault-queue";
import type { SimulatorOptions } from "./types";

/** The simulator's own options; its public URL is the server's, known once it listens. */
export type StandaloneOptions = Omit<SimulatorOptions, "publicBaseUrl"> & {
  /** 0 picks a free port. */
  port: number;
  host?: string;
};

export type StandaloneSimulator = {
  /** e.g. http://127.0.0.1:41234 — use as COMETAPI_BASE_URL. */
  baseUrl: string;
  simulator: Simulator;
  close(): Promise<void>;
};

/** Serves the simulator over node:http, for tests and for `npm run simulator`. */
export async function startStandaloneSimulator(
  options: StandaloneOptions,
): Promise<StandaloneSimulator> {
  const host = options.host ?? "127.0.0.1";
  let simulator: Simulator | undefined;
  const server = createServer((req, res) => {
    if (!simulator) {
      res.writeHead(503).end();
      return;
    }
    serve(simulator, host, req, res).catch((error: unknown) => {
      console.error("[simulator] could not answer", error);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const started = createSimulator({ ...options, publicBaseUrl: baseUrl });
  simulator = started;
  return {
    baseUrl,
    simulator: started,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await started.close();
    },
  };
}

async function serve(
  simulator: Simulator,
  host: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const response = await simulator.handle(await toRequest(req, host));
  if (isResetResponse(response)) {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body || req.method === "HEAD") {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve));
    }
    res.end();
  } catch {
    res.destroy();
  }
}

async function toRequest(req: IncomingMessage, host: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  let body: ArrayBuffer | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const joined = Buffer.concat(chunks);
    body = joined.buffer.slice(
      joined.byteOffset,
      joined.byteOffset + joined.byteLength,
    ) as ArrayBuffer;
  }
  const origin = `http://${req.headers.host ?? host}`;
  return new Request(new URL(req.url ?? "/", origin), { method, headers, body });
}
