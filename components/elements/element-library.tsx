"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { deleteElementAction } from "@/lib/actions/delete-element";
import type { ElementView } from "@/lib/elements/element-schema";
import { ElementEditForm } from "./element-edit-form";

type Props = {
  elements: readonly ElementView[];
  onDeleted: (id: string) => void;
  /** The saved element, and the Kling id it had before (chips follow the change). */
  onUpdated: (element: ElementView, previousElementId: string) => void;
  /** Adds the element to the prompt as a chip. */
  onUse: (element: ElementView) => void;
};

const smallButton =
  "rounded border border-line px-1.5 py-0.5 text-xs text-muted hover:text-white disabled:opacity-60";

/** The person's element library: use an element in the prompt, edit it, or delete it. */
export function ElementLibrary({ elements, onDeleted, onUpdated, onUse }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  const list = useRef<HTMLUListElement>(null);
  // After the edit form closes, focus goes back to that element's "Edit" button.
  const returnFocusTo = useRef<string | null>(null);
  useEffect(() => {
    if (editing || !returnFocusTo.current) return;
    const id = returnFocusTo.current;
    returnFocusTo.current = null;
    list.current?.querySelector<HTMLButtonElement>(`[data-edit-id="${id}"]`)?.focus();
  });
  if (elements.length === 0) return null;

  const closeEdit = (id: string) => {
    returnFocusTo.current = id;
    setEditing(null);
  };

  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-xs text-muted">
        Element library ({elements.length})
      </summary>
      <ul ref={list} aria-label="Element library" className="mt-2 flex flex-col gap-1">
        {elements.map((element) => (
          <li key={element.id} className="flex flex-wrap items-center gap-2">
            {element.thumbnailUrl ? (
              // biome-ignore lint/performance/noImgElement: uploaded thumbnails
              <img src={element.thumbnailUrl} alt="" className="size-6 rounded object-cover" />
            ) : null}
            <span className="font-medium text-white">{element.name}</span>
            <span className="text-xs text-muted">{element.elementId}</span>
            {element.description ? (
              <span className="min-w-0 truncate text-xs text-muted">{element.description}</span>
            ) : null}
            <span className="ml-auto flex gap-1">
              <button
                type="button"
                className={smallButton}
                aria-label={`Use element ${element.name}`}
                onClick={() => onUse(element)}
              >
                Use
              </button>
              <button
                type="button"
                data-edit-id={element.id}
                className={smallButton}
                aria-label={`Edit element ${element.name}`}
                aria-expanded={editing === element.id}
                onClick={() => setEditing(editing === element.id ? null : element.id)}
              >
                Edit
              </button>
              <button
                type="button"
                disabled={pending}
                className={smallButton}
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
            </span>
            {editing === element.id ? (
              <ElementEditForm
                element={element}
                onCancel={() => closeEdit(element.id)}
                onSaved={(saved) => {
                  onUpdated(saved, element.elementId);
                  setAnnouncement(`Element ${saved.name} saved.`);
                  closeEdit(saved.id);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-xs text-red-300">
          {error}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </details>
  );
}
