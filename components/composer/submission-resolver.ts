import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import { composerSubmissionSchema } from "@/lib/composer/composer-submission-schema";
import type { ComposerSubmission } from "@/lib/composer/submission-shape";
import type { SettingsValues } from "./composer-settings";

/**
 * The form is judged by the very schema the server action parses (zodResolver). The form
 * itself holds only the settings; the prompt and references live in the editor and the
 * tray, so the resolver checks the whole submission as it stands when Generate is pressed.
 */
export function submissionResolver(
  current: () => ComposerSubmission | null,
): Resolver<SettingsValues> {
  const resolve = zodResolver(composerSubmissionSchema);
  return async (values, context, options) => {
    // Set on every render, so never null by the time Generate can be pressed; were it
    // null, the empty object fails the schema rather than passing unchecked.
    const result = await resolve(
      (current() ?? {}) as ComposerSubmission,
      context,
      options as never,
    );
    if (Object.keys(result.errors).length === 0) return { values, errors: {} };
    return { values: {}, errors: result.errors as FieldErrors<SettingsValues> };
  };
}

/** Every message in a resolver's errors, in field order (nested list items included). */
export function errorMessages(errors: unknown): string[] {
  if (!errors || typeof errors !== "object") return [];
  const { message, type } = errors as { message?: unknown; type?: unknown };
  if (typeof message === "string" && typeof type === "string") return [message];
  return Object.values(errors).flatMap(errorMessages);
}
