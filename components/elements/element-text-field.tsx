import type { ComponentProps } from "react";
import { FieldError, LabelledInput } from "@/components/ui/labelled-input";

type Props = ComponentProps<"input"> & {
  id: string;
  label: string;
  /** Already in the reader's words (said by the form). */
  error: string | undefined;
  compact?: boolean;
};

/**
 * A labelled text input with its error below it: every field of the element forms (register
 * by id, create from images, edit in place).
 */
export function ElementTextField({ id, label, error, compact, ...input }: Props) {
  const size = compact ? "px-2 py-1" : "px-3 py-2";
  const errorId = `${id}-error`;
  return (
    <div className={`flex min-w-0 flex-col ${compact ? "gap-0.5" : "gap-1"}`}>
      <LabelledInput
        id={id}
        label={label}
        labelClassName="text-xs text-muted"
        errorId={error ? errorId : undefined}
        className={`rounded-md border border-line bg-panel-2 ${size} text-sm text-white`}
        {...input}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
