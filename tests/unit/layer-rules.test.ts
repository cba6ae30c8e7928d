import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The layer rules of .dependency-cruiser.cjs, run by the real depcruise on small planted
 * trees: each rule must fail on its own planted breach, and a tree without one must pass.
 */
const run = promisify(execFile);
const CONFIG = path.resolve(".dependency-cruiser.cjs");
const DEPCRUISE = path.resolve("node_modules/.bin/depcruise");
const roots: string[] = [];

function plant(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "layers-"));
  roots.push(root);
  const all = { "tsconfig.json": '{ "compilerOptions": { "strict": true } }', ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function violations(root: string): Promise<string[]> {
  const args = ["lib", "components", "--config", CONFIG, "--output-type", "json"];
  const result = await run(DEPCRUISE, args, { cwd: root }).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? "",
  }));
  const report = JSON.parse(result.stdout) as {
    summary: { violations: { rule: { name: string } }[] };
  };
  return [...new Set(report.summary.violations.map((v) => v.rule.name))].sort();
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe("layer rules", () => {
  it("fail on a cycle planted between two lib/ folders", async () => {
    const root = plant({
      "lib/alpha/a.ts": 'import { b } from "../beta/b";\nexport const a = () => b;\n',
      "lib/beta/b.ts": 'import { a } from "../alpha/a";\nexport const b = () => a;\n',
      "components/view.tsx": 'import { a } from "../lib/alpha/a";\nexport const V = a;\n',
    });
    expect(await violations(root)).toEqual(["no-cycles", "no-folder-cycles-in-lib"]);
  });

  it("fail when lib imports a component, or anything shared imports server-only code", async () => {
    const root = plant({
      "lib/db/client.ts": 'import "server-only";\nexport const db = 1;\n',
      "lib/generations/view.ts": 'import { db } from "../db/client";\nexport const v = db;\n',
      "lib/ui-helper.ts": 'import { V } from "../components/view";\nexport const h = V;\n',
      "components/view.tsx": 'import { db } from "../lib/db/client";\nexport const V = db;\n',
    });
    expect(await violations(root)).toEqual([
      "components-not-server-only",
      "lib-not-into-ui",
      "shared-lib-not-server-only",
    ]);
  });

  it("fail when the adapter imports the domain or a status is written past the lifecycle", async () => {
    const root = plant({
      "lib/generations/status.ts": "export const s = 1;\n",
      "lib/generations/generation-status-writes.ts": "export const w = 1;\n",
      "lib/cometapi/client.ts": 'import { s } from "../generations/status";\nexport const c = s;\n',
      "lib/worker/w.ts":
        'import { w } from "../generations/generation-status-writes";\nexport const x = w;\n',
      "components/view.tsx": "export const V = 1;\n",
    });
    expect(await violations(root)).toEqual([
      "adapter-not-into-domain",
      "status-writes-only-through-lifecycle",
    ]);
  });

  it("pass a tree that keeps the layers", async () => {
    const root = plant({
      "lib/generations/generation-status-writes.ts": "export const w = 1;\n",
      "lib/generations/lifecycle.ts":
        'import { w } from "./generation-status-writes";\nexport const l = w;\n',
      "lib/worker/w.ts": 'import { l } from "../generations/lifecycle";\nexport const x = l;\n',
      "components/view.tsx": 'import { x } from "../lib/worker/w";\nexport const V = x;\n',
    });
    expect(await violations(root)).toEqual([]);
  });
});
