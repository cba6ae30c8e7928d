"use client";

import { type RefObject, useEffect } from "react";

export type ToastEdge = "bottom" | "top";

/** The stack's gap to the screen edge: Tailwind's 4 (16 px); 24 (96 px) above a phone's Generate bar. */
const EDGE_GAP_PX = 16;
const PHONE_BOTTOM_GAP_PX = 96;
const PHONE_MAX_WIDTH_PX = 640;

/**
 * Which edge the toast stack sits on (given to `setEdge`: the provider keeps it) so it never
 * covers what it announces: a toast names a generation, and every element that shows that
 * generation carries its `data-generation-id` (the studio's card, the detail page's player
 * and status). Bottom by default; the top when the bottom would cover one of them and the
 * top covers less.
 * Judged again as toasts come and go and as the page scrolls or resizes.
 */
export function useToastEdge(
  stack: RefObject<HTMLElement | null>,
  generationIds: readonly string[],
  setEdge: (edge: ToastEdge) => void,
): void {
  const ids = generationIds.join(" ");
  useEffect(() => {
    if (!ids) return;
    let frame = 0;
    const judge = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const box = stack.current?.getBoundingClientRect();
        if (!box || box.height === 0) return;
        const announced = ids.split(" ").flatMap(announcedRects);
        const covered = (top: number) =>
          announced.reduce((sum, rect) => sum + overlap(rect, box, top), 0);
        const bottomGap =
          window.innerWidth < PHONE_MAX_WIDTH_PX ? PHONE_BOTTOM_GAP_PX : EDGE_GAP_PX;
        const atBottom = covered(window.innerHeight - bottomGap - box.height);
        const atTop = covered(EDGE_GAP_PX);
        setEdge(atBottom > 0 && atTop < atBottom ? "top" : "bottom");
      });
    };
    judge();
    window.addEventListener("scroll", judge, { passive: true });
    window.addEventListener("resize", judge);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", judge);
      window.removeEventListener("resize", judge);
    };
  }, [ids, stack, setEdge]);
}

function announcedRects(id: string): DOMRect[] {
  const selector = `[data-generation-id="${CSS.escape(id)}"]`;
  return [...document.querySelectorAll(selector)].map((element) => element.getBoundingClientRect());
}

/** Area shared by `rect` and the stack's box moved to start at `top`. */
function overlap(rect: DOMRect, box: DOMRect, top: number): number {
  const width = Math.min(rect.right, box.right) - Math.max(rect.left, box.left);
  const height = Math.min(rect.bottom, top + box.height) - Math.max(rect.top, top);
  return width > 0 && height > 0 ? width * height : 0;
}
