import type { ReactNode } from "react";

/**
 * One titled part of the detail page's side column: a section named by its small heading
 * (`${id}-heading`). `tight` spaces the heading closer, for lists of one-line rows.
 */
export function DetailSection({
  id,
  title,
  tight = false,
  children,
}: {
  id: string;
  title: ReactNode;
  tight?: boolean;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className={`flex flex-col ${tight ? "gap-1" : "gap-2"}`}>
      <h2 id={headingId} className="text-xs uppercase tracking-wide text-muted">
        {title}
      </h2>
      {children}
    </section>
  );
}
