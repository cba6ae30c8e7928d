"use client";

import { useEffect, useState } from "react";
import type { ElementView } from "@/lib/elements/element-schema";
import type { PriceInfo } from "@/lib/generations/estimate-cost";
import { ComposerBody } from "./composer-body";
import { type ComposerDraft, EMPTY_DRAFT, loadDraft } from "./composer-draft";

export type ComposerFormProps = {
  elements: readonly ElementView[];
  priceInfo: PriceInfo;
  /** Why uploaded videos cannot reach the provider (no public PUBLIC_BASE_URL), if so. */
  videoUploadProblem: string | null;
  /** A generation's recipe loaded by /?remix=…; wins over the saved draft. */
  remixDraft: ComposerDraft | null;
};

/**
 * The composer starts from a remix, else the draft saved in this browser, else empty. The
 * draft lives in localStorage, so it is read after mount; the editor is client-only anyway.
 */
export function ComposerForm(props: ComposerFormProps) {
  const [initial, setInitial] = useState<ComposerDraft | null>(null);
  useEffect(() => {
    setInitial(props.remixDraft ?? loadDraft() ?? EMPTY_DRAFT);
  }, [props.remixDraft]);
  if (!initial) {
    return (
      <div
        aria-hidden="true"
        className="min-h-72 animate-pulse rounded-xl border border-line bg-panel p-4"
      />
    );
  }
  return <ComposerBody key={initial.remixOf ?? "draft"} {...props} initial={initial} />;
}
