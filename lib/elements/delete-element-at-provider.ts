import "server-only";
import { localMessage } from "@/i18n/local-message";
import { isElementsUnsupportedError } from "@/lib/cometapi/elements-support";
import { getElementClient } from "@/lib/cometapi/get-element-client";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  ELEMENTS_UNSUPPORTED_MESSAGE,
  rememberElementsUnsupported,
} from "./elements-support-verdict";

/**
 * Deletes the element at Kling, then from the library. If Kling refuses, the library row
 * stays, so nothing disappears here that still exists there.
 */
export async function deleteElementAtProvider(id: string): Promise<void> {
  const row = await getDb().element.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", localMessage("elementRules.notInLibrary"));
  if (row.source === "preset") {
    throw new AppError("invalid_input", localMessage("elementRules.presetNotDeletable"));
  }
  try {
    await getElementClient().deleteElement(row.elementId);
  } catch (error) {
    if (isElementsUnsupportedError(error)) {
      rememberElementsUnsupported();
      throw new AppError("provider_rejected", ELEMENTS_UNSUPPORTED_MESSAGE);
    }
    throw error;
  }
  await getDb().element.deleteMany({ where: { id: row.id } });
}
