import type { ComponentProps, ReactNode } from "react";

type Props = ComponentProps<"input"> & {
  id: string;
  /** The input's accessible name (DESIGN.md's list), shown or for screen readers only. */
  label: ReactNode;
  /** The label's look; by default it is read by screen readers and not shown. */
  labelClassName?: string;
  /** The id of the message saying what is wrong, while something is: the input is then
   *  marked invalid and described by it, so a screen reader reads the reason with the field. */
  errorId?: string | undefined;
};

/**
 * An input and the label that names it, tied by id, with its error (when there is one) tied
 * the same way: the sign-in password, the composer's link, the gallery search, the element
 * fields and files use it, so the naming is written once.
 */
export function LabelledInput({ id, label, labelClassName = "sr-only", errorId, ...input }: Props) {
  return (
    <>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        {...input}
      />
    </>
  );
}

/** The message a field's `errorId` points at, shown below it while there is one. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  return message ? (
    <p id={id} className="text-xs text-red-300">
      {message}
    </p>
  ) : null;
}
