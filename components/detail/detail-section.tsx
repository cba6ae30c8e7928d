import type { ReactNode } from "react";

/**
 * One titled part of the detail page's side column: a section named by its small heading
 * (`${id}-heading`). `tight` spaces the heading closer, for lists of one-line rows;
 * `action` is a control beside the heading (the shots' "Copy prompt").
 */
export function DetailSection({
  id,
  title,
  tight = false,
  action,
  children,
}: {
  id: string;
  title: ReactNode;
  tight?: boolean;
  action?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  const heading = (
    <h2 id={headingId} className="text-xs uppercase tracking-wide text-muted">
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={headingId} className={`flex flex-col ${tight ? "gap-1" : "gap-2"}`}>
      {action ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          {heading}
          {action}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
