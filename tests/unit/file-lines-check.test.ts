import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const SCRIPT = path.resolve("scripts/check-file-lines.mjs");
const root = mkdtempSync(path.join(tmpdir(), "lines-"));

function write(name: string, lines: number): void {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), "x;\n".repeat(lines));
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("npm run lines", () => {
  it("passes at 250 lines and ignores generated code", async () => {
    write("lib/at-limit.ts", 250);
    write("lib/db/generated/client.ts", 900);
    const { stdout } = await run("node", [SCRIPT, root]);
    expect(stdout).toContain("no product file over 250 lines");
  });

  it("fails naming a product file of 251 lines", async () => {
    write("components/long.tsx", 251);
    const failure = await run("node", [SCRIPT, root]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`${path.join("components", "long.tsx")}: 251 lines`);
  });
});
