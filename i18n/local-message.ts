import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "./messages";

/** Any message of the catalogs, by its full dotted key ("rules.imageTooSmall"). */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
export type MessageValues = Record<string, string | number>;

/**
 * Code in `lib/` runs where the reader's language is not known (a rule shared by browser and
 * server, a zod schema, an AppError deep in a command), yet its messages travel through
 * fields typed `string` (zod issues, fieldErrors, Error.message). So such a message is a
 * string that carries its catalog key and values, behind a mark no person types, and is put
 * into words where the language is known: `runAction` and `errorResponse` on the server,
 * `useSay()` in the browser.
 */
const MARK = "\u2063i18n:";

export function localMessage(key: MessageKey, values?: MessageValues): string {
  return `${MARK}${JSON.stringify(values ? [key, values] : [key])}`;
}

export function isLocalMessage(message: string): boolean {
  return message.startsWith(MARK);
}

/** The key and values inside a local message, or undefined for plain text. */
export function readLocalMessage(
  message: string,
): { key: MessageKey; values?: MessageValues } | undefined {
  if (!isLocalMessage(message)) return undefined;
  try {
    const [key, values] = JSON.parse(message.slice(MARK.length)) as [MessageKey, MessageValues?];
    return { key, values };
  } catch {
    return undefined;
  }
}

type RootTranslator = (key: MessageKey, values?: MessageValues) => string;

/**
 * Puts a message into words with a root translator (useTranslations() / getTranslations()).
 * Plain text is returned as it is: a provider's own words, a person's own prompt.
 */
export function sayMessage(t: RootTranslator, message: string): string {
  const local = readLocalMessage(message);
  if (!local) return message;
  // A value may itself be a message ("2 things need fixing. <the first one>").
  const values =
    local.values &&
    Object.fromEntries(
      Object.entries(local.values).map(([name, value]) => [
        name,
        typeof value === "string" ? sayMessage(t, value) : value,
      ]),
    );
  return t(local.key, values);
}
