"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { localMessage } from "@/i18n/local-message";
import { readImageFacts, readVideoFacts } from "@/lib/composer/read-media-facts";
import { isVideoFile } from "@/lib/composer/screen-picked-file";
import { nextReferenceLabel, removeReference, withStableLabels } from "@/lib/prompt/reference-list";
import {
  type ElementReference,
  newReferenceId,
  type Reference,
  type VideoFacts,
} from "@/lib/prompt/reference-types";
import type { ElementSummary } from "./prompt-editor/prompt-editor-props";
import { uploadFile } from "./upload-file";

type Patch = (ref: Reference) => Reference;

/**
 * The composer's references and their uploads: a file becomes a reference at once (so its
 * chip can land where it was dropped), is measured in the browser for a fast answer, and
 * uploads in the background with progress; the server's measures then replace the guess.
 */
export function useComposerReferences(initial: readonly Reference[]) {
  const [references, setReferences] = useState<Reference[]>(() => withStableLabels(initial));
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [uploadErrors, setUploadErrors] = useState<Record<string, string>>({});
  const latest = useRef(references);
  latest.current = references;
  const uploads = useRef(new Map<string, AbortController>());

  const patch = useCallback((id: string, fn: Patch) => {
    setReferences((refs) => refs.map((r) => (r.id === id ? fn(r) : r)));
  }, []);

  const startUpload = useCallback(
    (ref: Reference, file: File) => {
      const controller = new AbortController();
      uploads.current.set(ref.id, controller);
      setProgress((p) => ({ ...p, [ref.id]: 0 }));
      const quick = ref.kind === "video" ? readVideoFacts(file) : readImageFacts(file);
      void quick.then((facts) =>
        patch(ref.id, (r) => (r.kind === "element" || r.uploadId ? r : { ...r, facts })),
      );
      uploadFile(file, (f) => setProgress((p) => ({ ...p, [ref.id]: f })), controller.signal)
        .then((view) => {
          patch(ref.id, (r) => {
            if (r.kind === "element") return r;
            if (r.thumbnailUrl?.startsWith("blob:")) URL.revokeObjectURL(r.thumbnailUrl);
            const facts = {
              mimeType: view.mimeType,
              bytes: view.bytes,
              width: view.width ?? undefined,
              height: view.height ?? undefined,
            };
            return r.kind === "video"
              ? {
                  ...r,
                  uploadId: view.id,
                  previewUrl: view.url,
                  facts: {
                    ...facts,
                    durationSeconds: view.durationSeconds ?? undefined,
                    fps: view.fps ?? undefined,
                  },
                }
              : { ...r, uploadId: view.id, thumbnailUrl: view.url, facts };
          });
        })
        .catch((error: Error) => {
          if (error.name === "AbortError") return;
          setUploadErrors((e) => ({
            ...e,
            [ref.id]: localMessage("composerRules.referenceProblem", {
              title: ref.name,
              problem: error.message,
            }),
          }));
        })
        .finally(() => {
          uploads.current.delete(ref.id);
          setProgress(({ [ref.id]: _, ...rest }) => rest);
        });
    },
    [patch],
  );

  /** Creates references for files synchronously and returns their ids, in order. */
  const addFiles = useCallback(
    (files: readonly File[]): string[] => {
      const created: Reference[] = [];
      for (const file of files) {
        const id = newReferenceId();
        const kind = isVideoFile(file) ? "video" : "image";
        const label = nextReferenceLabel([...latest.current, ...created], kind);
        created.push(
          kind === "video"
            ? {
                id,
                kind: "video",
                label,
                name: file.name,
                source: "upload",
                referType: "feature",
                keepOriginalSound: false,
              }
            : {
                id,
                kind: "image",
                label,
                name: file.name,
                source: "upload",
                frame: null,
                thumbnailUrl: URL.createObjectURL(file),
              },
        );
      }
      latest.current = [...latest.current, ...created];
      setReferences(latest.current);
      created.forEach((ref, i) => {
        const file = files[i];
        if (file) startUpload(ref, file);
      });
      return created.map((r) => r.id);
    },
    [startUpload],
  );

  const addUrl = useCallback((kind: "image" | "video", url: string, facts?: VideoFacts): string => {
    const id = newReferenceId();
    const name = decodeURIComponent(url.split(/[?#]/)[0]?.split("/").pop() || url).slice(0, 120);
    const label = nextReferenceLabel(latest.current, kind);
    const ref: Reference =
      kind === "image"
        ? { id, kind, label, name, source: "url", url, frame: null, facts }
        : {
            id,
            kind,
            label,
            name,
            source: "url",
            url,
            referType: "feature",
            keepOriginalSound: false,
            facts,
            previewUrl: url,
          };
    latest.current = [...latest.current, ref];
    setReferences(latest.current);
    return id;
  }, []);

  const addElement = useCallback((element: ElementSummary): string => {
    const existing = latest.current.find(
      (r) => r.kind === "element" && r.elementId === element.elementId,
    );
    if (existing) return existing.id;
    const ref: ElementReference = {
      id: newReferenceId(),
      kind: "element",
      name: element.name,
      elementId: element.elementId,
      thumbnailUrl: element.thumbnailUrl,
      description: element.description,
    };
    latest.current = [...latest.current, ref];
    setReferences(latest.current);
    return ref.id;
  }, []);

  /** A library element was edited: its chips take the new name, id and description. */
  const updateElement = useCallback((element: ElementSummary, previousElementId: string) => {
    setReferences((refs) =>
      refs.map((r) =>
        r.kind === "element" && r.elementId === previousElementId
          ? {
              ...r,
              name: element.name,
              elementId: element.elementId,
              description: element.description,
              thumbnailUrl: element.thumbnailUrl,
            }
          : r,
      ),
    );
  }, []);

  const remove = useCallback((id: string) => {
    uploads.current.get(id)?.abort();
    const ref = latest.current.find((r) => r.id === id);
    if (ref?.thumbnailUrl?.startsWith("blob:")) URL.revokeObjectURL(ref.thumbnailUrl);
    latest.current = removeReference(latest.current, id);
    setReferences(latest.current);
    setUploadErrors(({ [id]: _, ...rest }) => rest);
  }, []);

  const reset = useCallback((next: Reference[] = []) => {
    for (const controller of uploads.current.values()) controller.abort();
    latest.current = next;
    setReferences(next);
    setUploadErrors({});
  }, []);

  useEffect(() => {
    const running = uploads.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  return {
    references,
    setReferences: (next: Reference[]) => {
      latest.current = next;
      setReferences(next);
    },
    /** A change computed from the newest list, even one made since the last render. */
    updateReferences: (change: (current: Reference[]) => Reference[]) => {
      latest.current = change(latest.current);
      setReferences(latest.current);
    },
    patch,
    progress,
    uploadErrors,
    uploading: Object.keys(progress).length > 0,
    addFiles,
    addUrl,
    addElement,
    updateElement,
    remove,
    reset,
  };
}
