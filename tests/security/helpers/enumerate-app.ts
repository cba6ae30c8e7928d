import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Every page and route handler under app/, found on disk, with a URL to request it by. */
export type AppEntry = {
  kind: "page" | "route";
  file: string;
  pattern: string;
  url: string;
  methods: string[];
};

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function enumerateApp(appDir: string): AppEntry[] {
  return walk(appDir)
    .filter((file) => /\/(page\.tsx|route\.ts)$/.test(file))
    .map((file) => {
      const kind = file.endsWith("page.tsx") ? "page" : "route";
      const segments = path
        .relative(appDir, path.dirname(file))
        .split(path.sep)
        .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
      const pattern = `/${segments.join("/")}`;
      const url = `/${segments
        .map((s) => (s.startsWith("[...") ? "a/b.mp4" : s.startsWith("[") ? "sample-0123" : s))
        .join("/")}`;
      const source = readFileSync(file, "utf8");
      const methods =
        kind === "page"
          ? ["GET"]
          : METHODS.filter((m) =>
              new RegExp(`export (async )?function ${m}\\b|export const ${m}\\b`).test(source),
            );
      return { kind, file: path.relative(path.dirname(appDir), file), pattern, url, methods };
    });
}

/** Every exported server action in lib/actions/ (one file each, by the house rule). */
export function enumerateActionFiles(actionsDir: string): string[] {
  return readdirSync(actionsDir)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => path.join(actionsDir, name));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name.startsWith("_")) return []; // private folders are not routes
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
