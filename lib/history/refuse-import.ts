import { localMessage, type MessageKey, type MessageValues } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";

/**
 * Refuses an archive: what is wrong with it (importDetails, naming the archive's own rows,
 * paths and ids as values), then "Nothing was imported.", in the reader's language.
 */
export function refuseImport(key: MessageKey, values?: MessageValues): never {
  throw new AppError(
    "invalid_input",
    localMessage("galleryErrors.inconsistent", { detail: localMessage(key, values) }),
  );
}
