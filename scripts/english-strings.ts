import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * Finds words a person would read that are written in English in the code instead of
 * coming from messages/*.json: JSX text, string props that people read (aria-label, title,
 * placeholder, alt, label…), and sentence-like string literals ("Sign in", "Copied."). A
 * heuristic, tuned to miss nothing visible rather than to be clever: class names, ids,
 * comparisons (`key === "Escape"`), object keys, imports and types are not text.
 */
export type EnglishString = { file: string; line: number; text: string };

const READ_PROPS = new Set([
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
  "heading",
  "text",
  "description",
  "confirmLabel",
  "pendingLabel",
]);
const SKIP_PROPS = new Set(["className", "href", "id", "key", "type", "name", "value", "role"]);
const WORD = /[A-Za-z]{2,}/;
/** "Cache-Control", "Accept-Language, Cookie": HTTP header names, not prose. */
const HEADER_NAMES = /^[A-Z][a-z]+-[A-Z][a-z]+(?:, [A-Z][a-z]+(?:-[A-Z][a-z]+)?)*$/;
/** "Sign in", "Copied.", "Could not copy: select…": a capital, lowercase, maybe more words. */
const SENTENCE = /^[A-Z][a-z']+(?:[.…!?:]|(?:[ ,;:—–-]+[A-Za-z'…&.()?!:]+)+[.…!?]?)?$/;

export function findEnglishStrings(file: string, source = readFileSync(file, "utf8")) {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: EnglishString[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    if (ts.isJsxText(node)) {
      const text = node.getText().replace(/\s+/g, " ").trim();
      if (WORD.test(text)) report(node, text);
      return;
    }
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText();
      if (SKIP_PROPS.has(name) || name.startsWith("data-")) return;
      const init = node.initializer;
      if (init && ts.isStringLiteral(init)) {
        if (READ_PROPS.has(name) ? WORD.test(init.text) : SENTENCE.test(init.text))
          report(init, init.text);
        return;
      }
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isText(node) && SENTENCE.test(node.text) && !HEADER_NAMES.test(node.text))
        report(node, node.text);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const head = node.head.text.trim();
      if (isText(node) && SENTENCE.test(head.replace(/[:\s]+$/, ""))) report(node, head);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Whether a literal is something shown, not a key compared, indexed or used as a name. */
function isText(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken ||
      op === ts.SyntaxKind.InKeyword
    )
      return false;
  }
  if (ts.isCaseClause(parent) || ts.isElementAccessExpression(parent)) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (ts.isExpressionStatement(parent)) return false; // "use client"
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression.getText();
    // Message keys, logs, DOM lookups and thrown internals are not read by a person here.
    if (
      /^(t|[a-z]+)$|\.(t|get|has|querySelector|addEventListener|removeEventListener)$/.test(callee)
    )
      return !/^(t|words|duration|failure|chrome|status|logError|console\.\w+)$/.test(callee);
  }
  return true;
}

/**
 * Files whose words are not read by a person, left out of the check. The simulator's route
 * is the provider's stand-in (demo mode): what it answers is CometAPI's API, read by the
 * studio's own client, and says what CometAPI would say, in CometAPI's language. Whatever a
 * person reads about such an answer comes from the catalogs (failureDetails).
 */
const NOT_READ_BY_PEOPLE = new Set(["app/api/simulator/[...path]/route.ts"]);

/** Every .ts/.tsx file under these folders of the repository, but NOT_READ_BY_PEOPLE. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
    }
  };
  for (const folder of folders) walk(path.join(root, folder));
  return out
    .map((f) => path.relative(root, f))
    .filter((f) => !NOT_READ_BY_PEOPLE.has(f))
    .sort();
}

/** The files messages/README.md admits are still to convert (between its two markers). */
export function filesStillToConvert(readme: string): string[] {
  const block = readme
    .split("<!-- english-left:start -->")[1]
    ?.split("<!-- english-left:end -->")[0];
  return (block ?? "")
    .split("\n")
    .map((line) => line.match(/^- `([^`]+)`/)?.[1])
    .filter((f): f is string => Boolean(f));
}

// `npm run i18n:english`: every file under app/ and components/ with English left, and where.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const root = process.cwd();
  let total = 0;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  for (const file of sourceFiles(root, ["app", "components"])) {
    const found = findEnglishStrings(path.join(root, file));
    if (found.length === 0) continue;
    total += found.length;
    say(`${file} (${found.length})`);
    for (const f of found) say(`  ${f.line}: ${f.text}`);
  }
  say(`${total} English strings left in app/ and components/`);
}
