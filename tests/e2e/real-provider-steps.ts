import { type ChildProcess, spawn } from "node:child_process";
import { expect, type Page } from "@playwright/test";

/** Steps of real-provider.spec.ts: its own processes, and what a person does in the studio. */

/** Own process group, so stopping it stops npm/tsx/next and their children, nothing else. */
export function launch(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { env, detached: true, stdio: "ignore" });
}

export function stop(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, signal);
  } catch {
    return Promise.resolve();
  }
  return exited;
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

export async function signIn(page: Page, studio: string, password: string): Promise<void> {
  await page.goto(`${studio}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeVisible();
}

export async function generate(page: Page, text: string): Promise<string> {
  const cards = page.locator("article[data-generation-id]");
  const before = new Set(
    await cards.evaluateAll((els) => els.map((el) => el.getAttribute("data-generation-id"))),
  );
  const box = page.getByRole("textbox", { name: "Prompt" });
  await box.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
  await page.getByRole("combobox", { name: "Mode", exact: true }).selectOption("std");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Generation started.")).toBeAttached();
  let id = "";
  await expect
    .poll(async () => {
      const ids = await cards.evaluateAll((els) =>
        els.map((el) => el.getAttribute("data-generation-id") ?? ""),
      );
      id = ids.find((candidate) => !before.has(candidate)) ?? "";
      return id;
    })
    .not.toBe("");
  return id;
}

/** Plays the detail page's video for a moment; resolves with its length in seconds. */
export async function playsOnDetailPage(page: Page, studio: string, id: string): Promise<number> {
  await page.goto(`${studio}/generations/${id}`);
  const video = page.getByLabel("Generated video");
  await expect(video).toBeVisible();
  return video.evaluate(
    (element: HTMLVideoElement) =>
      new Promise<number>((resolve, reject) => {
        element.muted = true;
        element.addEventListener("error", () => reject(new Error("the video failed to load")));
        element.addEventListener("timeupdate", function check() {
          if (element.currentTime > 0.2) {
            element.removeEventListener("timeupdate", check);
            resolve(element.duration);
          }
        });
        element.play().catch(reject);
      }),
  );
}
