import { localMessage } from "@/i18n/local-message";
import { checkImage, checkVideo } from "./media-rules";
import { readImageFacts, readVideoFacts } from "./read-media-facts";

/** A picked, dropped or pasted file the composer accepts, measured once in the browser. */
export type ScreenedFile = { file: File; kind: "image" | "video" };

/** `refused`: one localMessage per refused file. */
export type ScreenResult = { accepted: ScreenedFile[]; refused: string[] };

const SCREEN_ID = "ref_screen";

export function isVideoFile(file: File): boolean {
  return file.type.startsWith("video/") || /\.(mp4|mov)$/i.test(file.name);
}

/**
 * Browser-only: measures each file before it becomes a reference, so a file that breaks a
 * contract rule (type, size, sides, shape, length) never gets a chip or a tray card. Each
 * refused file gets exactly one message, naming it and the first rule it breaks; the
 * server still measures every upload again.
 */
export async function screenPickedFiles(files: readonly File[]): Promise<ScreenResult> {
  const results = await Promise.all(files.map(screenOne));
  const accepted: ScreenedFile[] = [];
  const refused: string[] = [];
  results.forEach((result, i) => {
    const file = files[i];
    if (!file) return;
    if (typeof result === "string") refused.push(result);
    else accepted.push(result);
  });
  return { accepted, refused };
}

async function screenOne(file: File): Promise<ScreenedFile | string> {
  const title = `"${file.name}"`;
  const kind = isVideoFile(file) ? "video" : "image";
  // A present upload id keeps the "not uploaded yet" rule quiet: only the file is judged.
  const issues =
    kind === "video"
      ? checkVideo(
          {
            id: SCREEN_ID,
            kind,
            name: file.name,
            source: "upload",
            uploadId: "screen",
            referType: "feature",
            keepOriginalSound: false,
            facts: await readVideoFacts(file),
          },
          title,
        )
      : checkImage(
          {
            id: SCREEN_ID,
            kind,
            name: file.name,
            source: "upload",
            uploadId: "screen",
            frame: null,
            facts: await readImageFacts(file),
          },
          title,
        );
  const first = issues[0];
  return first
    ? localMessage("composerRules.notAdded", { problem: first.message })
    : { file, kind };
}
