// Layer rules for lib/, components/ and app/, checked by `npm run check` (npm run layers).
// tests/unit/layer-rules.test.ts plants a cycle and a forbidden import to show they fail.
const fs = require("node:fs");
const path = require("node:path");

/** Modules whose first statement is `import "server-only";`, as one path pattern. */
function serverOnlyPattern(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full);
      } else if (/\.tsx?$/.test(entry.name)) {
        const head = fs.readFileSync(full, "utf8").slice(0, 200);
        if (/^\s*import "server-only";/m.test(head)) found.push(path.relative(root, full));
      }
    }
  };
  const lib = path.join(root, "lib");
  if (fs.existsSync(lib)) walk(lib);
  const escaped = found.map((file) => file.split(path.sep).join("/").replace(/[.]/g, "\\."));
  return escaped.length > 0 ? `^(${escaped.join("|")})$` : "^$";
}

const SERVER_ONLY = serverOnlyPattern(process.cwd());

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "Modules import each other in a loop.",
      severity: "error",
      from: { path: "^(lib|components|app)/" },
      // A loop through a type-only import has no effect at run time (composer-body takes
      // its props type from composer-form, which loads it lazily).
      to: {
        circular: true,
        dependencyTypesNot: ["type-only"],
        viaOnly: { dependencyTypesNot: ["type-only"] },
      },
    },
    {
      name: "no-folder-cycles-in-lib",
      comment: "Folders of lib/ import each other in a loop (e.g. generations <-> worker).",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/" },
      to: { path: "^lib/", circular: true },
    },
    {
      name: "lib-not-into-ui",
      comment: "lib/ is below components/ and app/ and never imports them.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(components|app)/" },
    },
    {
      name: "components-not-server-only",
      comment:
        "Components never import server-only code (DB, CometAPI, storage); actions are the door.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: SERVER_ONLY, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "shared-lib-not-server-only",
      comment:
        "A shared lib module (no server-only marker) that imports server-only code would carry it into the browser.",
      severity: "error",
      from: { path: "^lib/", pathNot: [SERVER_ONLY, "^lib/actions/", "^lib/simulator/"] },
      to: { path: SERVER_ONLY, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "adapter-not-into-domain",
      comment: "lib/cometapi and lib/env.ts import only the contract and infrastructure.",
      severity: "error",
      from: { path: "^lib/(cometapi/|env(-values)?\\.ts$)" },
      to: {
        path: "^lib/",
        pathNot: "^lib/(cometapi/|kling-contract/|errors\\.ts$|env(-values)?\\.ts$|log\\.ts$)",
      },
    },
    {
      name: "status-writes-only-through-lifecycle",
      comment: "A status changes only through lib/generations/lifecycle.ts.",
      severity: "error",
      from: { pathNot: "^lib/generations/lifecycle\\.ts$" },
      to: { path: "^lib/generations/generation-status-writes\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|lib/db/generated|\\.next)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
