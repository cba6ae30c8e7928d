import { localMessage } from "@/i18n/local-message";
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
      throw refuse(localMessage("serverErrors.requestTooLarge"));
    if (typeof node === "string") {
      checkText(node);
    } else if (typeof node === "number" && !Number.isFinite(node)) {
      throw refuse(localMessage("serverErrors.numbersFinite"));
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
  if (text.length > MAX_STRING) throw refuse(localMessage("serverErrors.textFarTooLong"));
  if (CONTROL.test(text)) throw refuse(localMessage("serverErrors.textControlCharacters"));
  if (LONE_SURROGATE.test(text)) throw refuse(localMessage("serverErrors.textBrokenCharacter"));
  if (BIDI_OVERRIDE.test(text)) {
    throw refuse(localMessage("serverErrors.textDirectionOverride"));
  }
}

function refuse(message: string): AppError {
  return new AppError("invalid_input", message);
}
