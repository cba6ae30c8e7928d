import Link from "next/link";
import { useTranslations } from "next-intl";
import { PromptParts } from "@/components/generations/reference-chip";
import { MediaThumb } from "@/components/ui/media-thumb";
import type { LineageItem } from "@/lib/gallery/detail-types";
import {
  GENERATION_STATUSES,
  type GenerationStatus,
  STATUS_LABEL_KEYS,
} from "@/lib/generations/status";
import { DetailSection } from "./detail-section";

function isStatus(status: string): status is GenerationStatus {
  return (GENERATION_STATUSES as readonly string[]).includes(status);
}

function Item({ item, relation }: { item: LineageItem; relation: string }) {
  const t = useTranslations("status");
  return (
    <li>
      <Link
        href={`/generations/${item.id}`}
        className="flex items-center gap-2 rounded-md p-1 hover:bg-panel-2"
      >
        <MediaThumb
          src={item.posterUrl}
          width={64}
          height={36}
          loading="lazy"
          className="h-9 w-16 rounded object-cover"
          fallback={<span className="h-9 w-16 rounded bg-panel-2" />}
        />
        <span className="flex min-w-0 flex-col">
          <span className="text-xs text-muted">
            {relation} · {isStatus(item.status) ? t(STATUS_LABEL_KEYS[item.status]) : item.status}
          </span>
          <span className="truncate">
            <PromptParts prompt={item.prompt} references={item.references} />
          </span>
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
  const t = useTranslations("detail");
  if (!parent && items.length === 0) return null;
  return (
    <DetailSection id="lineage" title={t("lineage")} tight>
      <ul className="flex flex-col gap-1">
        {parent ? (
          <Item item={parent} relation={parentKind === "retry" ? t("retryOf") : t("remixOf")} />
        ) : null}
        {items.map((child) => (
          <Item
            key={child.id}
            item={child}
            relation={child.kind === "retry" ? t("retriedAs") : t("remixedAs")}
          />
        ))}
      </ul>
    </DetailSection>
  );
}
