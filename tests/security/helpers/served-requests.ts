import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { disconnectDb, getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { newId, newSecretId } from "@/lib/ids";
import { makePoster } from "@/lib/media/make-poster";
import { renderTextVideo } from "@/lib/media/render-text-video";
import { createShare } from "@/lib/shares/share-repository";
import { signedMediaPath } from "@/lib/uploads/signed-media-link";

/**
 * Real rows and files in a studio's database and MEDIA_DIR (written directly, before the
 * server starts): one finished generation with its MP4 and poster, and a live share of it.
 * With them every route can be called for something that exists, so "served" means the
 * status a working route gives, not merely "not refused".
 */
export type Seeded = {
  generationId: string;
  shareId: string;
  callbackToken: string;
  /** The running server's session secret, read once it has written it (signs provider links). */
  serverSecret?: Buffer;
};

export async function seedServedData(databaseUrl: string, mediaDir: string): Promise<Seeded> {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, MEDIA_DIR: process.env.MEDIA_DIR };
  Object.assign(process.env, { DATABASE_URL: databaseUrl, MEDIA_DIR: mediaDir });
  resetEnvForTests();
  try {
    const generationId = newId("gen");
    const callbackToken = newSecretId();
    for (const folder of ["results", "posters"])
      mkdirSync(path.join(mediaDir, folder), { recursive: true });
    const video = path.join(mediaDir, "results", `${generationId}.mp4`);
    await renderTextVideo({
      outPath: video,
      text: "Served",
      width: 160,
      height: 90,
      durationSeconds: 1,
    });
    await makePoster(video, path.join(mediaDir, "posters", `${generationId}.jpg`), 1);
    await getDb().generation.create({
      data: {
        id: generationId,
        prompt: "A served result",
        mode: "std",
        aspectRatio: "16:9",
        duration: "5",
        status: "succeeded",
        callbackToken,
        providerTaskId: "880000000000000001",
        videoPath: `results/${generationId}.mp4`,
        posterPath: `posters/${generationId}.jpg`,
        finishedAt: new Date(),
      },
    });
    const share = await createShare({ generationId, showRecipe: true });
    return { generationId, shareId: share.id, callbackToken };
  } finally {
    await disconnectDb();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvForTests();
  }
}

export type ServedRequest = { url: string; init: RequestInit; status: number };

const fixture = (name: string) => readFileSync(path.resolve(__dirname, "../../fixtures", name));

/**
 * How each route is called with real data, and the one status that means it was served.
 * Keyed by "METHOD pattern"; a route missing here fails the test that asks for it, so a new
 * route gets a line (and a thought about what serving it means).
 */
export async function servedRequest(
  key: string,
  seeded: Seeded,
  base: string,
  headers: Record<string, string>,
): Promise<ServedRequest> {
  const { generationId, shareId, callbackToken } = seeded;
  const get = (url: string, status = 200): ServedRequest => ({ url, init: { headers }, status });
  const post = (url: string, body: BodyInit, status: number, extra = {}): ServedRequest => ({
    url,
    init: { method: "POST", body, headers: { ...headers, ...extra } },
    status,
  });
  switch (key) {
    case "GET /":
    case "GET /gallery":
    case "GET /sign-in":
    case "GET /gallery/items":
    case "GET /api/health":
    case "GET /api/export":
    case "GET /api/element-tasks":
      return get(key.slice(4));
    case "GET /generations/[id]":
      return get(`/generations/${generationId}`);
    case "GET /api/generations/[id]":
      return get(`/api/generations/${generationId}`);
    case "GET /api/media/[...path]":
      return get(`/api/media/results/${generationId}.mp4`);
    case "GET /api/provider-media/[...path]": {
      // Public by signature only: the signed link is what the provider is given.
      if (!seeded.serverSecret) throw new Error("Provider links need the server's secret");
      const expiresAt = new Date(Date.now() + 600_000);
      return get(signedMediaPath(`results/${generationId}.mp4`, expiresAt, seeded.serverSecret));
    }
    case "GET /api/share-media/[shareId]/[kind]":
      return get(`/api/share-media/${shareId}/video`);
    case "GET /s/[shareId]":
      return get(`/s/${shareId}`);
    case "POST /api/callbacks/kling/[token]":
      return post(`/api/callbacks/kling/${callbackToken}`, "{}", 204);
    case "POST /api/downloads":
      return post("/api/downloads", new URLSearchParams({ id: generationId }), 200);
    case "POST /api/uploads":
      return post("/api/uploads", fixture("ref-blue.png"), 201, { "x-file-name": "ref-blue.png" });
    case "POST /api/import": {
      // The studio's own export is a valid archive; importing it again changes nothing.
      const exported = await fetch(`${base}/api/export`, { headers });
      return post("/api/import", await exported.arrayBuffer(), 200);
    }
    default:
      throw new Error(`No served request for "${key}": add one in served-requests.ts`);
  }
}
