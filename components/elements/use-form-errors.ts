"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/errors";

type FieldErrors = Record<string, string[] | undefined>;

/**
 * The refusals an element form shows: one message for the form and one per field, from the
 * form's own check or from its action. `refused(result)` shows an action's refusal and says
 * whether there was one; a success clears what was shown.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const show = (fieldErrors: FieldErrors, message: string) => {
    setErrors(fieldErrors);
    setFormError(message);
  };
  function refused<T>(result: ActionResult<T>): result is Extract<ActionResult<T>, { ok: false }> {
    if (result.ok) {
      setErrors({});
      setFormError(null);
      return false;
    }
    show(result.fieldErrors ?? {}, result.error);
    return true;
  }
  return { errors, formError, show, refused };
}
