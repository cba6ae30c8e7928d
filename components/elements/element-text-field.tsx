import type { ComponentProps } from "react";

type Props = ComponentProps<"input"> & {
  id: string;
  label: string;
  /** Already in the reader's words (said by the form). */
  error: string | undefined;
  compact?: boolean;
};

/**
 * A labelled text input whose error is tied to it for screen readers: every field of the
 * element forms (register by id, create from images, edit in place).
 */
export function ElementTextField({ id, label, error, compact, ...input }: Props) {
  const size = compact ? "px-2 py-1" : "px-3 py-2";
  return (
    <div className={`flex min-w-0 flex-col ${compact ? "gap-0.5" : "gap-1"}`}>
      <label htmlFor={id} className="text-xs text-muted">
        {label}
      </label>
      <input
        id={id}
        className={`rounded-md border border-line bg-panel-2 ${size} text-sm text-white`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
