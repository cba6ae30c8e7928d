"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { ElementView } from "@/lib/elements/element-schema";
import { DeleteElementDialog } from "./delete-element-dialog";
import { ElementEditForm } from "./element-edit-form";
import { ElementImportButtons } from "./element-import-buttons";
import { ElementLibraryItem } from "./element-library-item";
import { ElementTaskList } from "./element-task-list";
import { useElementTasks } from "./use-element-tasks";

type Props = {
  elements: readonly ElementView[];
  onDeleted: (id: string) => void;
  /** The saved element, and the Kling id it had before (chips follow the change). */
  onUpdated: (element: ElementView, previousElementId: string) => void;
  /** Adds the element to the prompt as a chip. */
  onUse: (element: ElementView) => void;
  /** Elements that joined the library here: made from images, or imported. */
  onElementsAdded?: ((elements: ElementView[]) => void) | undefined;
  /** Changes when an element task was started, so the library looks for it at once. */
  tasksVersion?: number | undefined;
};

/** The person's element library: find, use, drag, edit, import or delete elements. */
export function ElementLibrary(props: Props) {
  const { elements, onDeleted, onUpdated, onUse } = props;
  const t = useTranslations("elements");
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ElementView | null>(null);
  const [search, setSearch] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [open, setOpen] = useState(false);
  const added = (list: ElementView[]) => props.onElementsAdded?.(list);
  const tasks = useElementTasks(props.tasksVersion ?? 0, added);
  const list = useRef<HTMLUListElement>(null);
  // After the edit form closes, focus goes back to that element's "Edit" button.
  const returnFocusTo = useRef<string | null>(null);
  useEffect(() => {
    if (editing || !returnFocusTo.current) return;
    const id = returnFocusTo.current;
    returnFocusTo.current = null;
    list.current?.querySelector<HTMLButtonElement>(`[data-edit-id="${id}"]`)?.focus();
  });
  // An element being made opens the library, so its progress is in view.
  useEffect(() => {
    if (tasks.running) setOpen(true);
  }, [tasks.running]);

  const closeEdit = (id: string) => {
    returnFocusTo.current = id;
    setEditing(null);
  };
  const query = search.trim().toLowerCase();
  const shown = query ? elements.filter((e) => e.name.toLowerCase().includes(query)) : elements;

  return (
    <details
      className="text-sm"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer text-xs text-muted">
        {t("librarySummary", { count: elements.length })}
      </summary>
      <div className="mt-2 flex flex-col gap-2">
        <ElementTaskList tasks={tasks.tasks} onDismissed={tasks.forget} />
        <div className="flex flex-wrap items-center gap-2">
          <input
            type="search"
            aria-label={t("searchLabel")}
            placeholder={t("searchPlaceholder")}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="rounded-md border border-line bg-panel-2 px-2 py-1 text-xs text-white"
          />
          <ElementImportButtons onImported={added} />
        </div>
        <ul ref={list} aria-label={t("library")} className="flex flex-col gap-1">
          {shown.map((element) => (
            <li key={element.id} className="flex flex-wrap items-center gap-2">
              <ElementLibraryItem
                element={element}
                editing={editing === element.id}
                onUse={() => onUse(element)}
                onEdit={() => setEditing(editing === element.id ? null : element.id)}
                onDelete={() => setDeleting(element)}
              />
              {editing === element.id ? (
                <ElementEditForm
                  element={element}
                  onCancel={() => closeEdit(element.id)}
                  onSaved={(saved) => {
                    onUpdated(saved, element.elementId);
                    setAnnouncement(t("saved", { name: saved.name }));
                    closeEdit(saved.id);
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {query && shown.length === 0 ? (
          <p className="text-xs text-muted">{t("noMatch", { search: search.trim() })}</p>
        ) : null}
      </div>
      <DeleteElementDialog
        element={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(id) => {
          onDeleted(id);
          setAnnouncement(t("deleted"));
        }}
      />
      <p role="status" className="sr-only">
        {announcement || tasks.announcement}
      </p>
    </details>
  );
}
