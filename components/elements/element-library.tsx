"use client";

import { useState, useTransition } from "react";
import { deleteElementAction } from "@/lib/actions/delete-element";
import type { ElementView } from "@/lib/elements/element-schema";

type Props = {
  elements: readonly ElementView[];
  onDeleted: (id: string) => void;
  /** Adds the element to the prompt as a chip. */
  onUse: (element: ElementView) => void;
};

/** The person's element library: use an element in the prompt, or delete it. */
export function ElementLibrary({ elements, onDeleted, onUse }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (elements.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-xs text-muted">
        Element library ({elements.length})
      </summary>
      <ul aria-label="Element library" className="mt-2 flex flex-col gap-1">
        {elements.map((element) => (
          <li key={element.id} className="flex items-center gap-2">
            {element.thumbnailUrl ? (
              // biome-ignore lint/performance/noImgElement: uploaded thumbnails
              <img src={element.thumbnailUrl} alt="" className="size-6 rounded object-cover" />
            ) : null}
            <span className="font-medium text-white">{element.name}</span>
            <span className="text-xs text-muted">{element.elementId}</span>
            <button
              type="button"
              className="ml-auto rounded border border-line px-1.5 py-0.5 text-xs text-muted hover:text-white"
              aria-label={`Use element ${element.name}`}
              onClick={() => onUse(element)}
            >
              Use
            </button>
            <button
              type="button"
              disabled={pending}
              className="rounded border border-line px-1.5 py-0.5 text-xs text-muted hover:text-white"
              aria-label={`Delete element ${element.name}`}
              onClick={() =>
                startTransition(async () => {
                  const result = await deleteElementAction(element.id);
                  if (result.ok) {
                    setError(null);
                    onDeleted(element.id);
                  } else setError(result.error);
                })
              }
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-xs text-red-300">
          {error}
        </p>
      ) : null}
    </details>
  );
}
