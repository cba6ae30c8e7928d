"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { ShareView } from "@/lib/shares/share-types";

type Props = { share: ShareView; onRevoke: (id: string) => void; pending: boolean };

export function ShareLinkRow({ share, onRevoke, pending }: Props) {
  const t = useTranslations("share");
  // The browser's own origin is the one the person reached the studio by; read after
  // hydration so the server's HTML and the first client render agree.
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const url = `${origin}${share.path}`;
  const inputId = `share-${share.id}`;
  return (
    <li className="flex flex-col gap-1 rounded-md border border-line p-2">
      <label htmlFor={inputId} className="text-xs text-muted">
        {t("linkLabel", {
          recipe: share.showRecipe ? "shown" : "hidden",
          indexing: share.allowIndexing ? "on" : "off",
        })}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
          className="min-w-0 flex-1 rounded-md border border-line bg-panel-2 px-2 py-1 font-mono text-xs"
        />
        <CopyButton
          text={url}
          label={t("copy")}
          className="rounded-md border border-line px-2 py-1 hover:bg-panel-2"
        />
        <button
          type="button"
          onClick={() => onRevoke(share.id)}
          disabled={pending}
          className="rounded-md border border-line px-2 py-1 text-red-200 hover:bg-panel-2"
        >
          {t("revoke")}
        </button>
      </div>
    </li>
  );
}
