import { AppError } from "@/lib/errors";

/**
 * A first look at untrusted action input, before any schema: bounded size and depth, and no
 * text a person would not type — NUL and other control characters, lone UTF-16 surrogates
 * (they break JSON and databases downstream) and bidi overrides, which can make a prompt
 * display differently from what is sent (the "Trojan Source" trick).
 */
const MAX_DEPTH = 8;
const MAX_NODES = 5_000;
const MAX_STRING = 100_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;

export function assertCleanInput(value: unknown): void {
  let nodes = 0;
  const visit = (node: unknown, depth: number): void => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH)
      throw refuse("The request is too large or too deeply nested.");
    if (typeof node === "string") {
      checkText(node);
    } else if (typeof node === "number" && !Number.isFinite(node)) {
      throw refuse("Numbers must be finite.");
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
    } else if (typeof node === "object" && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        checkText(key);
        visit(item, depth + 1);
      }
    }
  };
  visit(value, 0);
}

function checkText(text: string): void {
  if (text.length > MAX_STRING) throw refuse("A text field is far too long.");
  if (CONTROL.test(text))
    throw refuse("The text contains control characters (such as NUL); remove them.");
  if (LONE_SURROGATE.test(text))
    throw refuse("The text contains a broken character (a lone surrogate); retype it.");
  if (BIDI_OVERRIDE.test(text)) {
    throw refuse("The text contains invisible direction-override characters; remove them.");
  }
}

function refuse(message: string): AppError {
  return new AppError("invalid_input", message);
}
