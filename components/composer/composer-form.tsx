"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { ElementView } from "@/lib/elements/element-schema";
import type { PriceInfo } from "@/lib/kling-contract/prices";
import { type ComposerDraft, EMPTY_DRAFT, isUnsentDraft, loadDraft } from "./composer-draft";
import { RemixDraftDialog } from "./remix-draft-dialog";

export type ComposerFormProps = {
  elements: readonly ElementView[];
  priceInfo: PriceInfo;
  /** Why uploaded videos cannot reach the provider (no public PUBLIC_BASE_URL), if so. */
  videoUploadProblem: string | null;
  /** A generation's recipe loaded by /?remix=…; asks before it replaces an unsent draft. */
  remixDraft: ComposerDraft | null;
};

export type ComposerBodyControls = {
  /** "New video": start empty; the draft given comes back with Undo. */
  onNewVideo: (current: ComposerDraft) => void;
  /** Set right after "New video": puts the cleared draft back. */
  onUndo: (() => void) | null;
};

/**
 * Holds the empty composer's place while its chunk loads, at the height the empty composer
 * has at each width (measured: about 1,050–1,120 px on phones, 704 px from `sm`, 642 px from
 * `md`), so "Recent" below it does not jump when the composer appears (layout shift).
 */
function ComposerSkeleton() {
  return (
    <div
      aria-hidden="true"
      className="min-h-[69rem] animate-pulse rounded-xl border border-line bg-panel p-4 sm:min-h-[44rem] md:min-h-[40rem]"
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

type Shown = { draft: ComposerDraft; version: number };

/**
 * The composer starts from the draft saved in this browser, else empty. A remix replaces
 * an unsent draft only when the person says so; "New video" clears, with Undo. Each new
 * starting point remounts the body (the editor is uncontrolled).
 */
export function ComposerForm(props: ComposerFormProps) {
  const router = useRouter();
  const [shown, setShown] = useState<Shown | null>(null);
  const [askRemix, setAskRemix] = useState<{ remix: ComposerDraft; saved: ComposerDraft } | null>(
    null,
  );
  const [cleared, setCleared] = useState<ComposerDraft | null>(null);
  const show = (draft: ComposerDraft) =>
    setShown((s) => ({ draft, version: (s?.version ?? 0) + 1 }));
  const leaveRemixUrl = useRef(() => router.replace("/", { scroll: false }));
  leaveRemixUrl.current = () => router.replace("/", { scroll: false });

  useEffect(() => {
    // Both chunks are asked for at once: the editor's need not wait for the body's.
    void import("./composer-body");
    void import("./prompt-editor/prompt-editor");
    const saved = loadDraft();
    const remix = props.remixDraft;
    // Leaving a remix (the URL lost ?remix=) keeps whatever the composer holds.
    if (!remix) return setShown((s) => s ?? { draft: saved ?? EMPTY_DRAFT, version: 0 });
    // The same remix again (a reload): the edits made to it since are kept.
    if (saved && saved.remixOf === remix.remixOf)
      return setShown((s) => s ?? { draft: saved, version: 0 });
    if (saved && isUnsentDraft(saved)) {
      setAskRemix({ remix, saved });
      setShown((s) => s ?? { draft: saved, version: 0 });
      return;
    }
    setCleared(null);
    setShown((s) => ({ draft: remix, version: (s?.version ?? 0) + 1 }));
  }, [props.remixDraft]);

  const controls: ComposerBodyControls = {
    onNewVideo: (current) => {
      setCleared(current);
      show(EMPTY_DRAFT);
      if (current.remixOf || props.remixDraft) leaveRemixUrl.current();
    },
    onUndo: cleared
      ? () => {
          show(cleared);
          setCleared(null);
        }
      : null,
  };

  return (
    <>
      {shown ? (
        <ComposerBody key={shown.version} {...props} initial={shown.draft} {...controls} />
      ) : (
        <ComposerSkeleton />
      )}
      <RemixDraftDialog
        open={askRemix !== null}
        onReplace={() => {
          if (!askRemix) return;
          setAskRemix(null);
          show(askRemix.remix);
        }}
        onKeep={() => {
          if (!askRemix) return;
          setAskRemix(null);
          show(askRemix.saved);
          leaveRemixUrl.current();
        }}
      />
    </>
  );
}
