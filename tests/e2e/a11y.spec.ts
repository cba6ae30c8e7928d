import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import { removeElement, seedElement, seedGenerations, seedReference } from "./seed-gallery";

/**
 * axe-core on every page a person meets, at 1440×900 and at a 390×844 phone: no serious or
 * critical violation. The sign-in page needs STUDIO_PASSWORD, so a second studio runs for
 * it on E2E_PORT + 5 with its own data folder. Each page axe checked is also kept as a
 * screenshot, test-results/screens/a11y-<size>-<page>.png, to be looked at.
 */
const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

const dataDir = path.resolve("test-results/e2e-data");
const authPort = Number(process.env.E2E_PORT ?? 3100) + 5;
const authDir = path.resolve("test-results/a11y-auth-data");
let authStudio: ChildProcess | undefined;

/** Screenshots the page as axe saw it, then returns its serious and critical violations. */
async function checkPage(page: Page, size: string, name: string): Promise<string[]> {
  const slug = name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
  await page.screenshot({ path: `test-results/screens/a11y-${size}-${slug}.png`, fullPage: true });
  return seriousViolations(page);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

function seedShare(shareId: string, generationId: string) {
  const db = new Database(path.join(dataDir, "e2e.db"));
  db.prepare(
    `INSERT INTO "Share" (id, createdAt, generationId, showRecipe, allowIndexing) VALUES (?, ?, ?, 1, 0)`,
  ).run(shareId, new Date().toISOString().replace("Z", "+00:00"), generationId);
  db.close();
}

const tag = `a${Date.now().toString(36)}`;
const detailId = `gen_e2ea11y${tag}`;
const shareId = `${tag}${"s".repeat(32)}`.slice(0, 32);

test.beforeAll(async () => {
  const now = Date.now();
  seedGenerations([
    {
      id: detailId,
      prompt: "A lantern <<<image_1>>> beside <<<element_1>>> at night",
      aspect: "9:16",
      createdAt: now,
    },
    ...(["16:9", "1:1", "16:9"] as const).map((aspect, i) => ({
      id: `gen_e2ea11y${tag}${i}`,
      prompt: `A lantern ${tag} number ${i}`,
      aspect,
      createdAt: now - (i + 1) * 1000,
    })),
    {
      id: `gen_e2ea11y${tag}f`,
      prompt: `A lantern ${tag} that failed`,
      status: "failed",
      createdAt: now - 9000,
    },
  ]);
  const elementId = `74${now}`;
  seedElement({ id: `el_a11y${tag}`, name: "Lantern", elementId });
  seedReference({
    id: `ref_a11y${tag}i`,
    generationId: detailId,
    kind: "image",
    position: 0,
    name: "moth.jpg",
    pictureOf: "1:1",
  });
  seedReference({
    id: `ref_a11y${tag}e`,
    generationId: detailId,
    kind: "element",
    position: 0,
    elementId,
    elementName: "Lantern",
  });
  seedShare(shareId, detailId);

  rmSync(authDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    PORT: String(authPort),
    STUDIO_PASSWORD: "a11y-password",
    DATABASE_URL: `file:${path.join(authDir, "auth.db")}`,
    MEDIA_DIR: path.join(authDir, "media"),
    SIMULATOR_DATA_DIR: path.join(authDir, "simulator"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const migrate = spawn("npm", ["run", "db:migrate"], { env, stdio: "ignore" });
  await new Promise((resolve) => migrate.on("exit", resolve));
  authStudio = spawn("node_modules/.bin/next", ["start", "-p", String(authPort)], {
    env,
    stdio: "ignore",
  });
  for (let i = 0; i < 150; i++) {
    const up = await fetch(`http://127.0.0.1:${authPort}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the signed-in studio did not start");
});

test.afterAll(() => {
  authStudio?.kill("SIGTERM");
  removeElement(`el_a11y${tag}`);
});

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test(`gallery, detail, share and sign-in pages have no serious violation (${size.name})`, async ({
      page,
    }) => {
      const pages: [string, string][] = [
        ["gallery", `/gallery?q=${tag}`],
        ["gallery with filters open", `/gallery?q=${tag}&status=succeeded`],
        ["detail", `/generations/${detailId}`],
        ["failed detail", `/generations/gen_e2ea11y${tag}f`],
        ["share", `/s/${shareId}`],
        ["404", `/generations/gen_nothing${tag}`],
        ["sign-in", `http://127.0.0.1:${authPort}/sign-in`],
      ];
      const found: string[] = [];
      for (const [name, url] of pages) {
        await page.goto(url);
        if (name === "gallery with filters open") {
          await page.locator("summary", { hasText: "Filters" }).click();
        }
        await page.waitForLoadState("networkidle");
        for (const violation of await checkPage(page, size.name, name)) {
          found.push(`${name}: ${violation}`);
        }
      }
      expect(found).toEqual([]);
    });

    test(`dialogs have no serious violation (${size.name})`, async ({ page }) => {
      await page.goto(`/generations/${detailId}`);
      await page.getByRole("button", { name: "Share" }).click();
      await expect(page.getByRole("dialog", { name: "Share this video" })).toBeVisible();
      const share = await checkPage(page, size.name, "share dialog");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Delete" }).click();
      await expect(page.getByRole("dialog", { name: "Delete this generation?" })).toBeVisible();
      const remove = await checkPage(page, size.name, "delete dialog");
      expect([...share, ...remove]).toEqual([]);
    });

    test(`composer page, form included (${size.name})`, async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("textbox", { name: "Prompt" })).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await checkPage(page, size.name, "composer")).toEqual([]);
    });
  });
}

test.describe("signed in on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the header stays on one line; Sign out waits in the Account menu", async ({ page }) => {
    const base = `http://127.0.0.1:${authPort}`;
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Password").fill("a11y-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${base}/`);
    const header = page.locator("header").first();
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(60);
    expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeHidden();
    await page.locator("summary[aria-label='Account']").click();
    await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/phone-header-signed-in.png" });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
