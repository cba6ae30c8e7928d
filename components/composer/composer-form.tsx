"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { ElementView } from "@/lib/elements/element-schema";
import type { PriceInfo } from "@/lib/generations/estimate-cost";
import { type ComposerDraft, EMPTY_DRAFT, loadDraft } from "./composer-draft";

export type ComposerFormProps = {
  elements: readonly ElementView[];
  priceInfo: PriceInfo;
  /** Why uploaded videos cannot reach the provider (no public PUBLIC_BASE_URL), if so. */
  videoUploadProblem: string | null;
  /** A generation's recipe loaded by /?remix=…; wins over the saved draft. */
  remixDraft: ComposerDraft | null;
};

function ComposerSkeleton() {
  return (
    <div
      aria-hidden="true"
      className="min-h-72 animate-pulse rounded-xl border border-line bg-panel p-4"
    />
  );
}

/**
 * The composer's body (its rules, form state and dialogs) is a chunk of its own, fetched
 * once the page is up, so the page's first load stays small. It only ever renders in the
 * browser anyway: the draft it starts from lives in localStorage.
 */
const ComposerBody = dynamic(() => import("./composer-body").then((m) => m.ComposerBody), {
  ssr: false,
  loading: ComposerSkeleton,
});

/**
 * The composer starts from a remix, else the draft saved in this browser, else empty. The
 * draft lives in localStorage, so it is read after mount; the editor is client-only anyway.
 */
export function ComposerForm(props: ComposerFormProps) {
  const [initial, setInitial] = useState<ComposerDraft | null>(null);
  useEffect(() => {
    // Both chunks are asked for at once: the editor's need not wait for the body's.
    void import("./composer-body");
    void import("./prompt-editor/prompt-editor");
    setInitial(props.remixDraft ?? loadDraft() ?? EMPTY_DRAFT);
  }, [props.remixDraft]);
  if (!initial) return <ComposerSkeleton />;
  return <ComposerBody key={initial.remixOf ?? "draft"} {...props} initial={initial} />;
}
