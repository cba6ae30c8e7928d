import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { createElementFromImages, libraryItem, openLibrary } from "./elements-steps";
import { ownStudio } from "./own-studio";
import { addElementThroughDialog } from "./studio-steps";

/**
 * A provider without element routes (it answers 404 to them, as CometAPI may): the studio
 * says so plainly, and registering an element by its id keeps working.
 */
const base = Number(process.env.E2E_PORT ?? 3100);
const providerPort = base + 6;
const studio = ownStudio({
  port: base + 4,
  name: "elements-no-support",
  env: {
    COMETAPI_KEY: "sk-test-no-elements",
    COMETAPI_BASE_URL: `http://127.0.0.1:${providerPort}`,
  },
});
let provider: Server;
const seen: string[] = [];

test.beforeAll(async () => {
  provider = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    request.resume();
    response.writeHead(404, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        error: {
          message: `Invalid URL (${request.method} ${request.url})`,
          type: "invalid_request_error",
          code: "",
        },
      }),
    );
  });
  await new Promise<void>((resolve) => provider.listen(providerPort, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  await studio.kill();
  await new Promise((resolve) => provider.close(resolve));
});

test("a 404 on the element routes gives one clear message; register by id still works", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await studio.start();
  await page.goto(studio.baseURL);
  await createElementFromImages(page, "Hero");
  const message = /This provider does not offer element creation/;
  await expect(page.getByRole("list", { name: "Elements being created" })).toContainText(message);
  expect(seen.filter((line) => line.includes("advanced-custom-elements"))).toHaveLength(1);

  // Asked again soon after, the studio answers from what it learned, without a provider call.
  const dialog = await createElementFromImages(page, "Hero again");
  await expect(dialog.getByRole("alert")).toContainText(message);
  expect(seen.filter((line) => line.includes("advanced-custom-elements"))).toHaveLength(1);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await addElementThroughDialog(page, "Manual", "9007199254740993");
  await openLibrary(page);
  await expect(libraryItem(page, "Manual")).toHaveAttribute("data-element-id", "9007199254740993");
});
