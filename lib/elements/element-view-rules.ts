import { localMessage } from "@/i18n/local-message";
import { checkImage } from "@/lib/composer/media-rules";

/** An uploaded image as both sides know it: the server's own measures, never the browser's. */
type MeasuredUpload = {
  id: string;
  mimeType: string;
  bytes: number;
  width: number | null;
  height: number | null;
};

/** What messages call a view: "The front view", or "Other view 2" (index from 0). */
export function elementViewTitle(view: "front" | number): string {
  return view === "front"
    ? localMessage("elementRules.frontViewTitle")
    : localMessage("elementRules.otherViewTitle", { number: view + 1 });
}

/**
 * An element's view judged by the reference rules (type, size, 300 px, aspect), the same in
 * the dialog (as each upload finishes) and in the action (before anything is stored).
 */
export function elementViewProblems(upload: MeasuredUpload, name: string, title: string): string[] {
  return checkImage(
    {
      id: "ref_element_view",
      kind: "image",
      name,
      source: "upload",
      uploadId: upload.id,
      facts: {
        mimeType: upload.mimeType,
        bytes: upload.bytes,
        width: upload.width ?? undefined,
        height: upload.height ?? undefined,
      },
    },
    title,
  ).map((issue) => issue.message);
}
