"use client";

import { useState } from "react";
import { uploadFile } from "@/components/composer/upload-file";
import { elementViewProblems } from "@/lib/elements/element-view-rules";
import type { UploadView } from "@/lib/uploads/upload-view";

export type ViewUpload = {
  key: string;
  name: string;
  /** 0–1 while uploading. */
  progress: number;
  upload: UploadView | undefined;
  problem: string | undefined;
};

/** React keys for picked files (randomUUID needs a secure context; plain http on a LAN is not). */
let nextKey = 0;

/**
 * Uploads an element's views as they are picked, with progress, and judges each by the
 * reference rules (type, size, 300 px, aspect) from the server's own measures. Problems are
 * catalog messages (or the upload's own refusal): the picker says them.
 */
export function useViewUploads() {
  const [views, setViews] = useState<ViewUpload[]>([]);
  const pick = (files: readonly File[], title: (index: number) => string) => {
    const started = files.map((file) => ({
      key: `view-${++nextKey}`,
      name: file.name,
      progress: 0,
      upload: undefined,
      problem: undefined,
    }));
    setViews(started);
    files.forEach((file, index) => {
      const patch = (change: Partial<ViewUpload>) =>
        setViews((list) => list.map((v, i) => (i === index ? { ...v, ...change } : v)));
      uploadFile(file, (progress) => patch({ progress }))
        .then((upload) => {
          const problems = elementViewProblems(upload, file.name, title(index));
          patch({ upload, progress: 1, problem: problems[0] });
        })
        .catch((error: Error) => patch({ problem: error.message }));
    });
  };
  const reset = () => setViews([]);
  const uploading = views.some((v) => !v.upload && !v.problem);
  const ready = views.length > 0 && views.every((v) => v.upload && !v.problem);
  return { views, pick, reset, uploading, ready };
}
