import Link from "next/link";
import type { LineageItem } from "@/lib/gallery/detail-types";

function Item({ item, relation }: { item: LineageItem; relation: string }) {
  return (
    <li>
      <Link
        href={`/generations/${item.id}`}
        className="flex items-center gap-2 rounded-md p-1 hover:bg-panel-2"
      >
        {item.posterUrl ? (
          // biome-ignore lint/performance/noImgElement: posters from our own media route
          <img
            src={item.posterUrl}
            alt=""
            width={64}
            height={36}
            loading="lazy"
            className="h-9 w-16 rounded object-cover"
          />
        ) : (
          <span className="h-9 w-16 rounded bg-panel-2" />
        )}
        <span className="flex min-w-0 flex-col">
          <span className="text-xs text-muted">
            {relation} · {item.status}
          </span>
          <span className="truncate">{item.prompt.replace(/<<<(\w+)_(\d+)>>>/g, "[$1 $2]")}</span>
        </span>
      </Link>
    </li>
  );
}

/** Where this generation came from, and what was made from it (remixes and retries). */
export function LineageList({
  parent,
  parentKind,
  items,
}: {
  parent: LineageItem | null;
  parentKind: string | null;
  items: LineageItem[];
}) {
  if (!parent && items.length === 0) return null;
  return (
    <section aria-labelledby="lineage-heading" className="flex flex-col gap-1">
      <h2 id="lineage-heading" className="text-xs uppercase tracking-wide text-muted">
        Lineage
      </h2>
      <ul className="flex flex-col gap-1">
        {parent ? (
          <Item item={parent} relation={parentKind === "retry" ? "Retry of" : "Remix of"} />
        ) : null}
        {items.map((child) => (
          <Item
            key={child.id}
            item={child}
            relation={child.kind === "retry" ? "Retried as" : "Remixed as"}
          />
        ))}
      </ul>
    </section>
  );
}
