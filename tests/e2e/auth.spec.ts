import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { startPasswordStudio } from "./password-studio";

/**
 * The studio with STUDIO_PASSWORD set, in a real browser: pages send you to sign in, a wrong
 * password is refused, the right one brings you back where you were, the studio works under
 * its Content-Security-Policy (no violations in the console), and signing out locks it again.
 */
// Beside the main e2e server: E2E_PORT + 1 when a run is given its own ports.
const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 1 : 3610;
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = path.resolve("test-results/auth-data");
const password = "e2e-auth-password";
let studio: ChildProcess | undefined;

test.beforeAll(async () => {
  studio = await startPasswordStudio({
    port,
    dataDir,
    password,
    env: { SIMULATOR_SPEED: "0.25", WORKER_MIN_POLL_MS: "500" },
  });
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
  // A refusal the page's code catches (an eval probe in try/catch) prints nothing to the
  // console; the document still hears of it, so every violation is said out loud.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `Content Security Policy: ${event.violatedDirective} refused ${event.blockedURI} in ${event.sourceFile}`,
      );
    });
  });

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
  await expect(page.locator("article[data-generation-id]").first()).toContainText("Done", {
    timeout: 60_000,
  });
  expect(violations).toEqual([]);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${baseURL}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get(`${baseURL}/api/generations/gen_x`)).status()).toBe(401);
});

async function signIn(page: Page): Promise<string> {
  await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  const session = (await page.context().cookies()).find((c) => c.name === "omni_session");
  if (!session) throw new Error("no session cookie");
  return `omni_session=${session.value}`;
}

/** What the studio answers a copied cookie, sent by a client that is not the browser. */
async function replay(cookie: string): Promise<{ api: number; page: number }> {
  const headers = { cookie };
  const api = await fetch(`${baseURL}/api/generations/gen_x`, { headers });
  const page = await fetch(`${baseURL}/gallery`, { headers, redirect: "manual" });
  return { api: api.status, page: page.status };
}

test("a cookie copied before sign-out is refused after it", async ({ page }) => {
  const copied = await signIn(page);
  expect(await replay(copied)).toEqual({ api: 404, page: 200 });
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await replay(copied)).toEqual({ api: 401, page: 307 });
});

test("Sign out everywhere ends the sessions of other browsers", async ({ page, browser }) => {
  const other = await browser.newContext();
  const phone = await other.newPage();
  const phoneCookie = await signIn(phone);
  const laptopCookie = await signIn(page);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await phone.goto(`${baseURL}/gallery`);
  await expect(phone).toHaveURL(/\/sign-in\?next=%2Fgallery$/);
  expect(await replay(phoneCookie)).toEqual({ api: 401, page: 307 });
  expect(await replay(laptopCookie)).toEqual({ api: 401, page: 307 });
  await other.close();
});

// Last: it leaves this machine's address locked out of sign-in for a minute.
test("invented X-Forwarded-For addresses do not buy more password guesses", async ({ page }) => {
  await page.goto(`${baseURL}/sign-in`);
  const answers: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.setExtraHTTPHeaders({
      "x-forwarded-for": `10.20.${i}.1`,
      "x-real-ip": `10.21.${i}.1`,
    });
    await page.getByLabel("Password").fill(`guess ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByText(/That password is not right\.|Too many attempts/);
    await expect(alert).toBeVisible();
    answers.push((await alert.textContent()) ?? "");
    await page.reload();
  }
  // Five wrong guesses a minute per address (the first test spent one of them).
  expect(answers.filter((a) => a.startsWith("That password")).length).toBeLessThanOrEqual(5);
  expect(answers.at(-1)).toMatch(/Too many attempts/);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.200" });
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many attempts/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
