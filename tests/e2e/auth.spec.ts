import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * The studio with STUDIO_PASSWORD set, in a real browser: pages send you to sign in, a wrong
 * password is refused, the right one brings you back where you were, the studio works under
 * its Content-Security-Policy (no violations in the console), and signing out locks it again.
 */
const port = 3610;
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = path.resolve("test-results/auth-data");
const password = "e2e-auth-password";
let studio: ChildProcess | undefined;

test.beforeAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    PORT: String(port),
    STUDIO_PASSWORD: password,
    DATABASE_URL: `file:${path.join(dataDir, "auth.db")}`,
    MEDIA_DIR: path.join(dataDir, "media"),
    SIMULATOR_DATA_DIR: path.join(dataDir, "simulator"),
    SIMULATOR_SPEED: "0.25",
    WORKER_MIN_POLL_MS: "500",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const migrate = spawn("npm", ["run", "db:migrate"], { env, stdio: "ignore" });
  await new Promise((resolve) => migrate.on("exit", resolve));
  studio = spawn("node_modules/.bin/next", ["start", "-p", String(port)], { env, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${baseURL}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("studio did not start");
});

test.afterAll(() => {
  studio?.kill("SIGTERM");
});

test("sign in, use the studio under its CSP, sign out", async ({ page }) => {
  test.setTimeout(90_000);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));

  await page.goto(`${baseURL}/gallery`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fgallery$/);

  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That password is not right.")).toBeVisible();

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/gallery`);
  const [session] = (await page.context().cookies()).filter((c) => c.name === "omni_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("link", { name: "Studio", exact: true }).click();
  await page.getByRole("textbox", { name: "Prompt" }).click();
  await page.keyboard.type("A lighthouse at dusk, waves rolling in");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.locator("article[data-generation-id]").first()).toContainText("Succeeded", {
    timeout: 60_000,
  });
  expect(violations).toEqual([]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${baseURL}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get(`${baseURL}/api/generations/gen_x`)).status()).toBe(401);
});
