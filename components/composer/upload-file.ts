import { localMessage } from "@/i18n/local-message";
import type { UploadView } from "@/lib/uploads/upload-view";

/**
 * Sends one file to POST /api/uploads as the raw body. XMLHttpRequest rather than fetch:
 * only it reports upload progress. Rejects with the server's message on a refusal (already in
 * the reader's language), else with a localMessage.
 */
export function uploadFile(
  file: Blob & { name?: string },
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name ?? "file"));
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as (UploadView & { error?: string }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.id) resolve(body);
      else
        reject(
          new Error(
            body?.error ?? localMessage("composer.uploadFailedStatus", { status: xhr.status }),
          ),
        );
    };
    xhr.onerror = () => reject(new Error(localMessage("composer.uploadUnreachable")));
    xhr.onabort = () => reject(new DOMException(undefined, "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
