import type { ReactNode } from "react";

/**
 * The form of each "Add element" way. It is portalled out of the composer's form by the
 * dialog, and still stops its submit from bubbling to it; the form checks its own fields.
 */
export function ElementForm({
  onSubmit,
  children,
}: {
  onSubmit: (form: HTMLFormElement) => void;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        event.stopPropagation();
        onSubmit(event.currentTarget);
      }}
    >
      {children}
    </form>
  );
}
