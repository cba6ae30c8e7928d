import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny stand-in for CometAPI on a real local HTTP server: it records every request and
 * answers from a script, in order. Unscripted requests get a 418, which the client treats as
 * a non-retryable rejection, so a test that sends more than it scripted fails loudly.
 */
export type ScriptedReply =
  | {
      status?: number;
      headers?: Record<string, string>;
      /** Serialized with JSON.stringify and sent as application/json. */
      json?: unknown;
      /** Sent verbatim (HTML, broken JSON, JSON with 64-bit numbers). */
      text?: string;
      /** Sent as they are (a result video). */
      bytes?: Buffer;
      delayMs?: number;
    }
  /** Reads the request and never answers. */
  | { hang: true }
  /** Reads the request, then drops the connection without a byte of answer. */
  | { destroy: true };

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  bodyText: string;
};

export type FakeProvider = {
  baseUrl: string;
  requests: RecordedRequest[];
  reply(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
};

export async function startFakeProvider(): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  const script: ScriptedReply[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        bodyText: Buffer.concat(chunks).toString("utf8"),
      });
      const reply = script.shift() ?? {
        status: 418,
        json: { error: { message: "fake provider: no scripted reply", type: "test", code: "" } },
      };
      if ("hang" in reply) return;
      if ("destroy" in reply) {
        request.socket.destroy();
        return;
      }
      const send = () => {
        const isJson = reply.json !== undefined;
        response.writeHead(reply.status ?? 200, {
          ...(isJson ? { "content-type": "application/json" } : {}),
          ...reply.headers,
        });
        response.end(isJson ? JSON.stringify(reply.json) : (reply.bytes ?? reply.text ?? ""));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => {
      script.push(...replies);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Kling-shaped success envelope (§3.1/§3.2) around `data`. */
export function klingEnvelope(data: unknown): ScriptedReply {
  return { json: { code: 0, message: "SUCCEED", request_id: "req-test", data } };
}

/** Awaits a promise that must reject with an AppError-like error and returns that error. */
export async function rejectionOf<T extends Error = Error>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error("expected the promise to reject, but it resolved");
}

/** The gateway's OpenAI-style error body. */
export function gatewayError(status: number, message: string, code = ""): ScriptedReply {
  return { status, json: { error: { message, type: "comet_api_error", code } } };
}

/** Kling's own error body, passed through. */
export function klingError(status: number, code: number, message: string): ScriptedReply {
  return { status, json: { code, message, request_id: `req-${code}` } };
}

/** new-api's task-route error body. */
export function newApiError(status: number, code: string, message: string): ScriptedReply {
  return { status, json: { code, message, data: null } };
}
