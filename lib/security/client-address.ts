import "server-only";
import { isIP } from "node:net";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log";

/**
 * Written by scripts/serve.mjs from the TCP connection, after deleting any copy the client
 * sent. `next start` alone offers nothing better: it keeps a client-sent X-Forwarded-For
 * as it is, so that header on its own is the client's to invent — and so is this one when
 * serve.mjs is not in front: it is read only when serve.mjs says it serves the app.
 */
export const PEER_ADDRESS_HEADER = "x-omni-peer-address";

/** What rate limits key on when the server could not say who connected. */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * The client's address for rate limits: the connection's own peer, or — with
 * TRUSTED_PROXY_COUNT = n > 0 — the address n hops in from the right of the chain
 * `X-Forwarded-For + peer`, which is the one the outermost trusted proxy saw. Entries
 * further left are the client's own words and are never used.
 */
export function clientAddressOf(
  headers: Headers,
  trustedProxies: number = getEnv().security.trustedProxyCount,
): string {
  const peer = stampedPeer(headers);
  if (!peer) {
    warnNoPeerOnce();
    return UNKNOWN_ADDRESS;
  }
  if (trustedProxies <= 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => normalize(part))
    .filter((part) => part !== "");
  const chain = [...forwarded, peer];
  const index = chain.length - 1 - trustedProxies;
  // Fewer hops than proxies: the request went around one of them, so nothing it forwarded
  // can be trusted; the peer at least is real.
  return index >= 0 ? (chain[index] ?? peer) : peer;
}

/**
 * True when the request comes from this machine: the connection is from loopback and, with
 * trusted proxies configured, so is the client they forwarded (a reverse proxy on this host
 * connects from loopback on behalf of everyone).
 */
export function isLocalRequest(headers: Headers): boolean {
  return isLoopback(stampedPeer(headers)) && isLoopback(clientAddressOf(headers));
}

/** The connection's address as serve.mjs wrote it; "" when serve.mjs is not in front. */
function stampedPeer(headers: Headers): string {
  if (!getEnv().security.peerAddressStamped) return "";
  return normalize(headers.get(PEER_ADDRESS_HEADER) ?? "");
}

function isLoopback(address: string): boolean {
  return address === "::1" || (isIP(address) === 4 && address.startsWith("127."));
}

function normalize(value: string): string {
  const trimmed = value.trim().slice(0, 64);
  // Dual-stack sockets report IPv4 peers as IPv4-mapped IPv6.
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4
    ? trimmed.slice(7)
    : trimmed;
}

let warned = false;
function warnNoPeerOnce(): void {
  if (warned) return;
  warned = true;
  logError(
    "clientAddress",
    new Error(
      "Requests carry no peer address: start the studio with `npm start` (scripts/serve.mjs), not `next start`. Until then every client shares one sign-in and rate-limit bucket.",
    ),
  );
}
