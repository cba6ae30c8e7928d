import { type APIRequestContext, expect, type Page } from "@playwright/test";

/**
 * Steps several specs take. The e2e server runs the in-app simulator with
 * SIMULATOR_CONTROL=1, so every create body it received can be read back.
 */
export type SimulatorCreate = Record<string, unknown> & { external_task_id: string };

export async function simulatorCreates(request: APIRequestContext): Promise<SimulatorCreate[]> {
  const log = await (await request.get("/api/simulator/__sim/requests")).json();
  return log.creates as SimulatorCreate[];
}

export async function clearSimulatorLog(request: APIRequestContext): Promise<void> {
  await request.delete("/api/simulator/__sim/requests");
}

/** Registers an element through the "Add element" dialog (which also puts its chip in). */
export async function addElementThroughDialog(page: Page, name: string, elementId: string) {
  await page.getByRole("button", { name: "Add element" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a Kling element" });
  await dialog.getByLabel("Name (up to 20 characters)").fill(name);
  await dialog.getByLabel("Element id").fill(elementId);
  await dialog.getByRole("button", { name: "Save element" }).click();
  await expect(dialog).toBeHidden();
}
