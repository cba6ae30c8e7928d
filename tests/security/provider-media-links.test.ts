import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, HEAD } from "@/app/api/provider-media/[...path]/route";
import { POST as uploadRoute } from "@/app/api/uploads/route";
import { getSessionKeys } from "@/lib/auth/session";
import { createSession } from "@/lib/auth/session-store";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { resetEnvForTests } from "@/lib/env";
import type { CreateElementInput, ElementClient } from "@/lib/cometapi/elements-types";
import type { ElementTaskRow } from "@/lib/elements/element-task-repository";
import { stepElementTask } from "@/lib/elements/element-task-step";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { renderTextVideo } from "@/lib/media/render-text-video";
import { signedMediaPath, verifySignedMediaUrl } from "@/lib/uploads/signed-media-link";
import { resetQueuePause } from "@/lib/worker/queue-pause";
import { proxy } from "@/proxy";
import { useTestDatabase } from "../helpers/db-test-env";
import { type FakeProvider, klingEnvelope, startFakeProvider } from "../helpers/fake-provider";

/**
 * Issue 9, point 1: with STUDIO_PASSWORD set and a public PUBLIC_BASE_URL, every URL in a
 * create body must be fetchable by the provider with no session (proxy and route both let
 * it through), and the same path unsigned, expired or altered must be refused (401/403).
 */
const PUBLIC = "https://studio.example.com";
const TIMEOUT_MS = 20 * 60_000;
const ENV_NAMES = [
  "STUDIO_PASSWORD",
  "PUBLIC_BASE_URL",
  "COMETAPI_KEY",
  "COMETAPI_BASE_URL",
  "MEDIA_DIR",
  "WORKER_TASK_TIMEOUT_MS",
];
let provider: FakeProvider;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let mediaDir: string;
let cookie = "";
let body: Record<string, unknown> = {};
let sentAt = 0;
let links: string[] = [];
const files: Record<string, Buffer> = {};

async function upload(bytes: Buffer, name: string): Promise<{ id: string; mediaPath?: string }> {
  const response = await uploadRoute(
    new Request("http://studio.test/api/uploads", {
      method: "POST",
      body: new Uint8Array(bytes),
      headers: { "x-file-name": name, cookie },
    }),
  );
  expect(response.status).toBe(201);
  return response.json();
}

/** Every http(s) string anywhere in the body: the links the provider will fetch. */
function urlsIn(value: unknown): string[] {
  if (typeof value === "string") return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(urlsIn);
  return [];
}

/** The same path and query on the studio under test (the public host is not this machine). */
const local = (url: string) => {
  const { pathname, search } = new URL(url);
  return `http://studio.test${pathname}${search}`;
};
const throughProxy = (url: string, method = "GET") =>
  proxy(new NextRequest(new URL(local(url)), { method }));
const passed = (response: Response) => response.headers.get("x-middleware-next") === "1";
const fetchRoute = async (url: string, init: RequestInit = {}) => {
  const request = new Request(local(url), init);
  return (init.method === "HEAD" ? HEAD : GET)(request);
};

beforeAll(async () => {
  provider = await startFakeProvider();
  mediaDir = mkdtempSync(path.join(tmpdir(), "omni-links-"));
  Object.assign(process.env, {
    STUDIO_PASSWORD: "links-test-password",
    PUBLIC_BASE_URL: PUBLIC,
    COMETAPI_KEY: "sk-test-links-0123456789",
    COMETAPI_BASE_URL: provider.baseUrl,
    MEDIA_DIR: mediaDir,
    WORKER_TASK_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  database = await useTestDatabase("sqlite");
  resetEnvForTests();
  resetQueuePause();
  const keys = getSessionKeys();
  if (!keys) throw new Error("sign-in should be on");
  cookie = `${SESSION_COOKIE}=${(await createSession(keys)).token}`;

  const clipPath = path.join(mediaDir, "clip-source.mp4");
  await renderTextVideo({
    outPath: clipPath,
    text: "ref",
    width: 1280,
    height: 720,
    durationSeconds: 3,
  });
  files.image = readFileSync(path.resolve("tests/fixtures/ref-blue.png"));
  files.video = await readFile(clipPath);
  const image = await upload(files.image, "blue.png");
  const video = await upload(files.video, "clip.mp4");

  provider.reply(klingEnvelope({ task_id: "878106484537190001", task_status: "submitted" }));
  sentAt = Date.now();
  const created = await createGeneration({
    prompt: "<<<image_1>>> styled like <<<video_1>>>",
    mode: "std",
    aspectRatio: "16:9",
    duration: "5",
    images: [
      { id: "ref_i", kind: "image", name: "blue.png", source: "upload", uploadId: image.id },
    ],
    elements: [],
    videos: [
      {
        id: "ref_v",
        kind: "video",
        name: "clip.mp4",
        source: "upload",
        uploadId: video.id,
        referType: "feature",
        keepOriginalSound: false,
      },
    ],
  });
  expect(created.status).toBe("submitted");
  expect(provider.requests).toHaveLength(1);
  body = JSON.parse(provider.requests[0]?.bodyText ?? "{}") as Record<string, unknown>;
  links = urlsIn(body);
}, 60_000);

afterAll(async () => {
  await database.cleanup();
  await provider.close();
  rmSync(mediaDir, { recursive: true, force: true });
  for (const name of ENV_NAMES) delete process.env[name];
  resetEnvForTests();
});

describe("links in a create body", () => {
  it("are the studio's public, signed links: one image, one video, a callback", () => {
    const image = (body.image_list as { image_url: string }[])[0]?.image_url ?? "";
    const video = (body.video_list as { video_url: string }[])[0]?.video_url ?? "";
    expect(image).toMatch(
      /^https:\/\/studio\.example\.com\/api\/provider-media\/uploads\/up_\w+\.png\?expires=\d+&sig=[\w-]{43}$/,
    );
    expect(video).toMatch(
      /^https:\/\/studio\.example\.com\/api\/provider-media\/uploads\/up_\w+\.mp4\?expires=\d+&sig=[\w-]{43}$/,
    );
    expect(links).toEqual(expect.arrayContaining([image, video]));
  });

  it("expire no earlier than the task timeout after the create was sent, and not years later", () => {
    for (const link of links.filter((l) => l.includes("/api/provider-media/"))) {
      const expires = Number(new URL(link).searchParams.get("expires")) * 1000;
      expect(expires).toBeGreaterThanOrEqual(sentAt + TIMEOUT_MS);
      expect(expires).toBeLessThan(sentAt + TIMEOUT_MS + 24 * 3600_000);
    }
  });

  it("each answer an anonymous fetch with the file, through the proxy and the route", async () => {
    const media = links.filter((l) => l.includes("/api/provider-media/"));
    expect(media).toHaveLength(2);
    for (const link of media) {
      expect(passed(await throughProxy(link)), link).toBe(true);
      expect(passed(await throughProxy(link, "HEAD"))).toBe(true);
      const response = await fetchRoute(link);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([files.image, files.video].some((file) => file?.equals(bytes))).toBe(true);
      expect((await fetchRoute(link, { method: "HEAD" })).status).toBe(200);
      const ranged = await fetchRoute(link, { headers: { range: "bytes=0-9" } });
      expect(ranged.status).toBe(206);
    }
  });

  it("the callback URL is reachable without a session too (its own token)", async () => {
    const callback = links.find((l) => l.includes("/api/callbacks/"));
    expect(callback).toBeDefined();
    expect(passed(await throughProxy(callback ?? "", "POST"))).toBe(true);
  });
});

describe("the same path", () => {
  const media = () => links.filter((l) => l.includes("/api/provider-media/"));
  const variants: [string, (link: URL) => string, number][] = [
    ["unsigned", (u) => `${u.origin}${u.pathname}`, 401],
    [
      "with only an expiry",
      (u) => `${u.origin}${u.pathname}?expires=${u.searchParams.get("expires")}`,
      401,
    ],
    [
      "with the expiry moved later",
      (u) => u.href.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 3600}`),
      403,
    ],
    [
      "with one character of the signature changed",
      (u) => u.href.replace(/sig=(.)/, (_m, c: string) => `sig=${c === "A" ? "B" : "A"}`),
      403,
    ],
    [
      "naming another file with this file's signature",
      (u) => u.href.replace(/\/uploads\/up_\w+\./, "/uploads/up_0000000000other000000."),
      403,
    ],
    [
      "under the session-only media route",
      (u) => u.href.replace("/api/provider-media/", "/api/media/"),
      401,
    ],
  ];

  it.each(variants)(
    "%s is refused (%i) by the route and not let through by the proxy",
    async (_name, alter, status) => {
      for (const link of media()) {
        const altered = alter(new URL(link));
        expect(altered).not.toBe(link);
        expect(passed(await throughProxy(altered)), altered).toBe(false);
        expect((await throughProxy(altered)).status).toBe(401);
        if (altered.includes("/api/provider-media/")) {
          expect((await fetchRoute(altered)).status).toBe(status);
        }
      }
    },
  );

  it("expired is refused with 403, by the route and the proxy", async () => {
    for (const link of media()) {
      const url = new URL(link);
      const mediaPath = decodeURIComponent(url.pathname.replace("/api/provider-media/", ""));
      const past = `${url.origin}${signedMediaPath(mediaPath, new Date(Date.now() - 1000))}`;
      expect(passed(await throughProxy(past))).toBe(false);
      const response = await fetchRoute(past);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toMatch(/expired/);
      // The real link, checked at the moment it runs out.
      const expires = Number(url.searchParams.get("expires")) * 1000;
      expect(verifySignedMediaUrl(new URL(local(link)), expires - 1).ok).toBe(true);
      expect(verifySignedMediaUrl(new URL(local(link)), expires).ok).toBe(false);
    }
  });

  it("is not served for a POST even when signed", async () => {
    for (const link of media()) expect(passed(await throughProxy(link, "POST"))).toBe(false);
  });
});

describe("an element's pictures", () => {
  it("go to the provider as the same signed links, fetchable without a session", async () => {
    const imageLink = links.find((l) => l.includes("/api/provider-media/") && l.includes(".png"));
    const mediaPath = decodeURIComponent(
      new URL(imageLink ?? "").pathname.replace("/api/provider-media/", ""),
    );
    const sent: CreateElementInput[] = [];
    const client = {
      createElement: async (input: CreateElementInput) => {
        sent.push(input);
        return { taskId: "1", status: "submitted", statusMessage: undefined, element: undefined };
      },
    } as unknown as ElementClient;
    const row = {
      id: "elt_links",
      name: "Hero",
      description: "A hero",
      tag: "character",
      frontImagePath: mediaPath,
      otherImagePaths: JSON.stringify([mediaPath]),
      status: "queued",
      pollCount: 0,
      createdAt: new Date(),
    } as ElementTaskRow;
    const stepAt = Date.now();
    await stepElementTask(row, {
      client,
      now: new Date(),
      minPollMs: 1000,
      taskTimeoutMs: TIMEOUT_MS,
      callbackUrl: undefined,
      markSubmitting: async () => true,
    });
    expect(sent).toHaveLength(1);
    const pictures = [sent[0]?.frontImage ?? "", ...(sent[0]?.otherImages ?? [])];
    expect(pictures).toHaveLength(2);
    for (const link of pictures) {
      expect(link).toMatch(
        /^https:\/\/studio\.example\.com\/api\/provider-media\/uploads\/up_\w+\.png\?expires=\d+&sig=[\w-]{43}$/,
      );
      const expires = Number(new URL(link).searchParams.get("expires")) * 1000;
      expect(expires).toBeGreaterThanOrEqual(stepAt + TIMEOUT_MS);
      expect(passed(await throughProxy(link))).toBe(true);
      const response = await fetchRoute(link);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(files.image ?? Buffer.alloc(0))).toBe(
        true,
      );
      const unsigned = new URL(link);
      expect((await throughProxy(`${unsigned.origin}${unsigned.pathname}`)).status).toBe(401);
    }
  });
});
