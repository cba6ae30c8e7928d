import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { type Readable, Transform } from "node:stream";
import { localMessage } from "@/i18n/local-message";
import {
  checkHop,
  type HopPolicy,
  type ResolvedAddress,
  SafeFetchError,
} from "./safe-fetch-policy";

export { SafeFetchError } from "./safe-fetch-policy";

export type SafeFetchOptions = HopPolicy & {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
};

export type SafeResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The URL that finally answered, after redirects. */
  url: string;
  /** Capped at maxBytes: errors with a SafeFetchError past it. */
  body: Readable;
};

/**
 * GET a URL the server was given, without letting it reach inside the network (SSRF).
 * Every hop — the first URL and each redirect, followed by hand — is resolved here and
 * checked, and the socket is pinned to the checked address through `lookup`, so a DNS
 * answer that changes between the check and the connect (rebinding) cannot redirect it.
 * The deadline covers all hops and the whole body.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions): Promise<SafeResponse> {
  const maxRedirects = options.maxRedirects ?? 3;
  let url = parseUrl(rawUrl);
  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(
        new SafeFetchError(
          "timeout",
          localMessage("failureDetails.linkTooSlow"),
          "download_failed",
        ),
      ),
    options.timeoutMs,
  );
  try {
    for (let hop = 0; ; hop++) {
      const address = await checkHop(url, options);
      const response = await request(url, address, options.headers, deadline.signal);
      const location = response.headers.location;
      if (
        response.statusCode &&
        response.statusCode >= 300 &&
        response.statusCode < 400 &&
        location
      ) {
        response.resume();
        if (hop >= maxRedirects) {
          throw new SafeFetchError(
            "too_many_redirects",
            localMessage("failureDetails.linkTooManyRedirects"),
            "download_failed",
          );
        }
        url = parseUrl(location, url);
        continue;
      }
      const declared = Number(response.headers["content-length"] ?? "0");
      if (declared > options.maxBytes) {
        response.destroy();
        throw tooLarge();
      }
      const body = capBody(response, options.maxBytes);
      const stop = () => clearTimeout(timer);
      body.once("close", stop);
      body.once("end", stop);
      deadline.signal.addEventListener(
        "abort",
        () => body.destroy(deadline.signal.reason as Error),
        {
          once: true,
        },
      );
      return { status: response.statusCode ?? 0, headers: response.headers, url: url.href, body };
    }
  } catch (error) {
    clearTimeout(timer);
    if (deadline.signal.aborted && !(error instanceof SafeFetchError)) throw deadline.signal.reason;
    throw error;
  }
}

/** The whole body in memory (small things only: reference images), with the same guards. */
export async function safeFetchBuffer(
  url: string,
  options: SafeFetchOptions,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; url: string; bytes: Buffer }> {
  const response = await safeFetch(url, options);
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  return {
    status: response.status,
    headers: response.headers,
    url: response.url,
    bytes: Buffer.concat(chunks),
  };
}

function parseUrl(text: string, base?: URL): URL {
  if (typeof text !== "string" || text.length > 4096) {
    throw new SafeFetchError("bad_url", localMessage("failureDetails.linkInvalid"));
  }
  try {
    return new URL(text, base);
  } catch {
    throw new SafeFetchError("bad_url", localMessage("failureDetails.linkInvalid"));
  }
}

function request(
  url: URL,
  pinned: ResolvedAddress,
  headers: Record<string, string> | undefined,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  // The socket may only go to the address that was checked, whatever the name resolves to now.
  const lookup: LookupFunction = (_hostname, opts, callback) => {
    if (opts.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "GET",
        lookup,
        signal,
        headers: { "accept-encoding": "identity", "user-agent": "omni-studio", ...headers },
      },
      resolve,
    );
    req.once("error", (error) => {
      if (signal.aborted) reject(signal.reason);
      else
        reject(
          new SafeFetchError(
            "network",
            localMessage("failureDetails.linkUnreachable"),
            "download_failed",
          ),
        );
      void error;
    });
    req.end();
  });
}

function capBody(source: http.IncomingMessage, maxBytes: number): Readable {
  let seen = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(tooLarge());
      else callback(null, chunk);
    },
  });
  source.once("error", (error) => guard.destroy(error));
  guard.once("close", () => source.destroy());
  return source.pipe(guard);
}

function tooLarge(): SafeFetchError {
  return new SafeFetchError(
    "too_large",
    localMessage("failureDetails.linkTooLarge"),
    "download_failed",
  );
}
