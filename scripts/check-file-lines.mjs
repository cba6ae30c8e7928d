// Fails when a product file (lib/, components/, app/) is over the house limit of 250 lines:
// a file that long is two files (DESIGN.md, house style). Generated code is not product code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const LIMIT = 250;
const ROOTS = ["lib", "components", "app"];
const SKIP = new Set(["node_modules", "generated", ".next"]);
const SOURCE = /\.(ts|tsx|mjs|cjs|js|css)$/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (SOURCE.test(entry.name)) yield full;
  }
}

const root = process.argv[2] ?? process.cwd();
const over = [];
for (const folder of ROOTS) {
  let found;
  try {
    found = [...files(path.join(root, folder))];
  } catch {
    continue;
  }
  for (const file of found) {
    const lines = readFileSync(file, "utf8").split("\n").length - 1;
    if (lines > LIMIT) over.push(`${path.relative(root, file)}: ${lines} lines`);
  }
}
if (over.length > 0) {
  process.stderr.write(`Over ${LIMIT} lines (split them):\n  ${over.join("\n  ")}\n`);
  process.exit(1);
}
process.stdout.write(`file lines ok: no product file over ${LIMIT} lines\n`);
