import { type ChildProcess, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { generate, launch, playsOnDetailPage, signIn, stop, waitFor } from "./real-provider-steps";

/**
 * The studio as a real deployment meets a provider (issue 9): the standalone simulator —
 * as strict as the contract — on loopback plain http stands in for CometAPI, and the built
 * studio runs with a key (not demo mode), STUDIO_PASSWORD and a public PUBLIC_BASE_URL.
 * A typed prompt with an uploaded image and video becomes a stored, playable video; every
 * link in the create body is fetchable without a session and refused unsigned, expired or
 * altered; the video still plays after the provider's link expired; a SIGKILL mid-task and a
 * restart lose nothing and create nothing twice; a hand-typed <<<image_0>>> is never sent;
 * the prompt counter counts code points, as the server does.
 */
// Beside E2E_PORT, clear of the fixed ports other specs use (crash-resume takes 3101).
const basePort = Number(process.env.E2E_PORT ?? 3100);
const simPort = basePort + 5;
const studioPort = basePort + 6;
const studio = `http://localhost:${studioPort}`;
const sim = `http://127.0.0.1:${simPort}`;
const PUBLIC = "https://studio.example.com";
const KEY = "sk-e2e-strict-provider-0123456789";
const PASSWORD = "e2e-real-provider-password";
const URL_TTL_SECONDS = 4;
const dataDir = path.resolve("test-results/real-provider-data");
const clip = path.resolve("test-results/fixtures/clip-4s-720p.mp4");

test.describe.configure({ mode: "serial" });

let simulator: ChildProcess | undefined;
let server: ChildProcess | undefined;

const studioEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  PORT: String(studioPort),
  COMETAPI_KEY: KEY,
  COMETAPI_BASE_URL: sim,
  STUDIO_PASSWORD: PASSWORD,
  PUBLIC_BASE_URL: PUBLIC,
  DATABASE_URL: `file:${path.join(dataDir, "studio.db")}`,
  MEDIA_DIR: path.join(dataDir, "media"),
  WORKER_MIN_POLL_MS: "400",
  NEXT_TELEMETRY_DISABLED: "1",
});

async function startStudio(): Promise<void> {
  server = launch("node_modules/.bin/next", ["start", "-p", String(studioPort)], studioEnv());
  await waitFor(`${studio}/api/health`);
}

type SimLog = { creates: Record<string, unknown>[]; downloads: string[] };
const simLog = async (): Promise<SimLog> => (await fetch(`${sim}/__sim/requests`)).json();
const createsFor = async (id: string) =>
  (await simLog()).creates.filter((body) => body.external_task_id === id);

type GenerationJson = { status: string; providerTaskId: string | null; videoUrl: string | null };
const generation = async (page: Page, id: string): Promise<GenerationJson> =>
  (await page.request.get(`${studio}/api/generations/${id}`)).json();

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(clip) || statSync(clip).size === 0) {
    mkdirSync(path.dirname(clip), { recursive: true });
    const ffmpeg = createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg").path as string;
    const made = spawnSync(ffmpeg, [
      ...[
        "-y",
        "-loglevel",
        "error",
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=1280x720:rate=24:duration=4",
      ],
      ...[
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-movflags",
        "+faststart",
        clip,
      ],
    ]);
    if (made.status !== 0) throw new Error("ffmpeg could not make the reference clip");
  }
  // The command the README gives, on loopback plain http.
  simulator = launch(
    "npm",
    [
      ...["run", "simulator", "--", "--port", String(simPort), "--key", KEY, "--control"],
      ...["--data-dir", path.join(dataDir, "simulator"), "--speed", "0.25"],
      ...["--ttl", String(URL_TTL_SECONDS), "--render-scale", "0.5"],
    ],
    { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  );
  const migrate = spawnSync("npm", ["run", "db:migrate"], { env: studioEnv(), stdio: "ignore" });
  if (migrate.status !== 0) throw new Error("migrating the studio's database failed");
  await waitFor(`${sim}/__sim/requests`);
  await startStudio();
});

test.afterAll(async () => {
  await stop(server, "SIGKILL");
  await stop(simulator, "SIGTERM");
});

test("<<<image_0>>> with one image attached is refused in the browser, naming it, and nothing is sent", async ({
  page,
}) => {
  await signIn(page, studio, PASSWORD);
  const before = (await simLog()).creates.length;
  await page.getByTestId("image-input").setInputFiles(path.resolve("tests/fixtures/ref-blue.png"));
  await expect(page.getByRole("img", { name: "Image 1 reference: ref-blue.png" })).toHaveCount(1);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  const box = page.getByRole("textbox", { name: "Prompt" });
  await box.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" and <<<image_0>>> in the rain");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.locator("#prompt-help")).toContainText("<<<image_0>>>");
  await expect(page.locator("#prompt-help")).toContainText("numbers start at 1");
  await page.waitForTimeout(500);
  expect((await simLog()).creates.length).toBe(before);
  await expect(page.locator("article[data-generation-id]")).toHaveCount(0);
});

test("the prompt counter counts an emoji once, as the server and the provider do", async ({
  page,
}) => {
  await signIn(page, studio, PASSWORD);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const counter = page.locator("#prompt-help > span").last();
  await expect(counter).toHaveText("0 / 2500");
  await page.getByRole("textbox", { name: "Prompt" }).click();
  // Three emoji and ten plain characters: 13 code points, 16 UTF-16 units.
  await page.keyboard.type("🎬🎬🎬 and a fox");
  await expect(counter).toHaveText("13 / 2500");
});

test("a typed prompt with an uploaded image and video becomes a stored, playable video; its links work without a session and only as signed", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, studio, PASSWORD);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId("image-input").setInputFiles(path.resolve("tests/fixtures/ref-blue.png"));
  await page.getByTestId("video-input").setInputFiles(clip);
  await expect(page.getByRole("progressbar")).toHaveCount(0, { timeout: 30_000 });
  const id = await generate(page, " drifts through fog");
  await expect
    .poll(async () => (await generation(page, id)).status, { timeout: 60_000, intervals: [500] })
    .toBe("succeeded");
  expect(await playsOnDetailPage(page, studio, id)).toBeGreaterThan(4);

  const sent = await createsFor(id);
  expect(sent).toHaveLength(1);
  const body = sent[0] ?? {};
  const image = (body.image_list as { image_url: string }[] | undefined)?.[0]?.image_url ?? "";
  const video = (body.video_list as { video_url: string }[] | undefined)?.[0]?.video_url ?? "";
  const links = [image, video];
  for (const link of links)
    expect(link.startsWith(`${PUBLIC}/api/provider-media/uploads/`)).toBe(true);
  const sizes = [statSync(path.resolve("tests/fixtures/ref-blue.png")).size, statSync(clip).size];
  const secret = Buffer.from(readFileSync("data/session-secret", "utf8").trim(), "hex");
  for (const [i, link] of links.entries()) {
    const { pathname, searchParams } = new URL(link);
    const local = `${studio}${pathname}`;
    // Anonymous, like the provider: no cookie.
    const fetched = await fetch(`${local}?${searchParams}`);
    expect(fetched.status, link).toBe(200);
    expect((await fetched.arrayBuffer()).byteLength).toBe(sizes[i]);

    const unsigned = await fetch(local);
    // One character of the signature changed (never to itself: a signature may start with "A").
    const given = searchParams.get("sig") ?? "";
    const flipped = `${given.startsWith("A") ? "B" : "A"}${given.slice(1)}`;
    const altered = await fetch(`${local}?${searchParams.toString().replace(given, flipped)}`);
    const later = `expires=${Number(searchParams.get("expires")) + 60}`;
    const moved = await fetch(`${local}?${searchParams.toString().replace(/expires=\d+/, later)}`);
    const other = await fetch(
      `${studio}${pathname.replace(/up_\w+/, "up_0000000000other000000")}?${searchParams}`,
    );
    // A correctly signed link whose time is up, made the way the studio signs.
    const mediaPath = decodeURIComponent(pathname.replace("/api/provider-media/", ""));
    const past = Math.floor(Date.now() / 1000) - 5;
    const key = createHmac("sha256", secret).update("omni-studio provider-media-link v1").digest();
    const sig = createHmac("sha256", key).update(`${mediaPath}\n${past}`).digest("base64url");
    const expired = await fetch(`${local}?expires=${past}&sig=${sig}`);
    for (const refused of [unsigned, altered, moved, other, expired]) {
      expect([401, 403]).toContain(refused.status);
    }
  }
});

test("the stored video still plays after the provider's result link has expired", async ({
  page,
}) => {
  await signIn(page, studio, PASSWORD);
  const card = page.locator("article[data-generation-id]").first();
  const id = (await card.getAttribute("data-generation-id")) ?? "";
  const { providerTaskId } = await generation(page, id);
  const answer = await fetch(`${sim}/kling/v1/videos/omni-video/${providerTaskId}`, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  const task = (await answer.json()) as {
    data: { task_result: { videos: { url: string }[] } };
  };
  const providerUrl = task.data.task_result.videos[0]?.url ?? "";
  expect(providerUrl.startsWith(`${sim}/files/`)).toBe(true);
  const expires = Number(new URL(providerUrl).searchParams.get("expires")) * 1000;
  await page.waitForTimeout(Math.max(0, expires - Date.now() + 300));
  expect((await fetch(providerUrl)).status).toBe(404);
  expect(await playsOnDetailPage(page, studio, id)).toBeGreaterThan(4);
});

test("SIGKILL of the studio mid-task and a restart lose nothing and create nothing twice", async ({
  page,
}) => {
  test.setTimeout(150_000);
  // Real-time latency for this task (8 s processing), so the kill lands mid-task.
  await fetch(`${sim}/__sim/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ speed: 1 }),
  });
  await signIn(page, studio, PASSWORD);
  const id = await generate(page, "A train crossing a bridge in fog");
  await expect
    .poll(async () => (await generation(page, id)).status, { timeout: 30_000, intervals: [200] })
    .toBe("processing");
  await stop(server, "SIGKILL");
  await startStudio();
  await expect
    .poll(async () => (await generation(page, id)).status, { timeout: 60_000, intervals: [500] })
    .toBe("succeeded");
  expect(await playsOnDetailPage(page, studio, id)).toBeGreaterThan(4);

  const results = readdirSync(path.join(dataDir, "media", "results"));
  expect(results.filter((name) => name.startsWith(id))).toEqual([`${id}.mp4`]);
  // Temp files end in ".partial" or hold ".tmp." (a random id may itself contain "tmp").
  expect(results.filter((name) => /\.partial$|\.tmp\./.test(name))).toEqual([]);
  expect(await createsFor(id)).toHaveLength(1);
  // Two generations in this file reached the provider, each exactly once.
  const creates = (await simLog()).creates.map((body) => body.external_task_id);
  expect(new Set(creates).size).toBe(creates.length);
  expect(creates).toHaveLength(2);
});
