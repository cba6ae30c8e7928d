// The studio's server: Next (production build, or `--dev`) behind a plain node:http server
// that stamps each request with the address its TCP connection came from.
//
// Why not `next start`: Next 16 fills X-Forwarded-For with the socket address only when the
// client sent none (`??=` in base-server.js), so a client that writes its own header is
// believed everywhere — proxy.ts, route handlers, server actions. There is no other way
// for app code to see the socket, so this file strips any client-sent copy of the header
// below and writes the real one; lib/security/client-address.ts reads it.
import { createServer } from "node:http";

/** Keep in sync with PEER_ADDRESS_HEADER in lib/security/client-address.ts. */
const PEER_ADDRESS_HEADER = "x-omni-peer-address";

const dev = process.argv.includes("--dev");
// The launcher reads only what `next start` itself reads (PORT, HOSTNAME); the app's own
// settings are parsed by lib/env.ts.
process.env.NODE_ENV ??= dev ? "development" : "production";
// Tells the app (lib/env.ts) that the peer header is this file's: without it (`next start`)
// the header is whatever the client sent and is ignored.
process.env.OMNI_PEER_ADDRESS_STAMPED = "1";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;

const { default: next } = await import("next");
const app = next({ dev, dir: process.cwd(), port, ...(hostname ? { hostname } : {}) });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

function stamp(req) {
  delete req.headers[PEER_ADDRESS_HEADER];
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}

const server = createServer((req, res) => {
  stamp(req);
  handle(req, res).catch((error) => {
    console.error("[omni-studio] request failed", error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.on("upgrade", (req, socket, head) => {
  stamp(req);
  upgrade(req, socket, head);
});
// Next's own uncaughtException handler only logs: without this, a taken port left the
// process running (its sync worker too) with no server, or ending with status 0.
server.on("error", (error) => {
  console.error(`[omni-studio] cannot listen on port ${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.info(`[omni-studio] ${dev ? "dev server" : "studio"} ready on port ${port}`);
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    app.close().finally(() => process.exit(0));
  });
}
