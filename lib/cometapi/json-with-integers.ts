import { randomUUID } from "node:crypto";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";

const LONG_MAX = 9223372036854775807n;

/**
 * JSON.stringify, except that bigint values are written as bare integers with all their
 * digits (JSON.stringify refuses bigint, and a JS number would round ids above 2^53). A
 * random marker per call stands in for each bigint, so no string in the value can be
 * mistaken for one.
 */
export function stringifyWithIntegers(value: unknown): string {
  const marker = `bigint-${randomUUID()}:`;
  const text = JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "bigint" ? `${marker}${item.toString()}` : item,
  );
  return text.replace(new RegExp(`"${marker}(-?\\d+)"`, "g"), "$1");
}

/** A Kling element id as a bigint: decimal digits, 1 to 2^63−1, or invalid_input. */
export function toElementIdInteger(elementId: string): bigint {
  if (/^\d{1,19}$/.test(elementId)) {
    const value = BigInt(elementId);
    if (value > 0n && value <= LONG_MAX) return value;
  }
  throw new AppError(
    "invalid_input",
    localMessage("failureDetails.badElementId", { id: elementId.slice(0, 40) }),
    { fieldErrors: { elementId: [localMessage("failureDetails.elementIdsWhole")] } },
  );
}
