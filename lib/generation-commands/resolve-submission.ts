import "server-only";
import { localMessage } from "@/i18n/local-message";
import type { ComposerIssue } from "@/lib/composer/composer-issue";
import { validateSubmission } from "@/lib/composer/composer-submission-schema";
import type { ComposerSubmission } from "@/lib/composer/submission-shape";
import { submissionTitles } from "@/lib/composer/submission-titles";
import { findElementsByElementIds } from "@/lib/elements/element-repository";
import { findUploadsByIds, type UploadRow } from "@/lib/uploads/find-uploads";
import { measureRemoteImage, measureRemoteVideo } from "@/lib/uploads/measure-remote";
import { providerMediaBase } from "@/lib/uploads/provider-media-url";

export type ResolvedSubmission = {
  /** The submission with every fact replaced by what the server measured. */
  submission: ComposerSubmission;
  uploads: Map<string, UploadRow>;
  issues: ComposerIssue[];
};

/**
 * Never trusts the browser's facts: an uploaded reference takes its facts from its Upload
 * row, a link is fetched (safely) and measured, an element must be in the library. Unknown
 * or forged ids become issues on that reference; then every contract rule runs again.
 */
export async function resolveSubmission(input: ComposerSubmission): Promise<ResolvedSubmission> {
  const titles = submissionTitles(input);
  const issues: ComposerIssue[] = [];
  const issue = (rule: ComposerIssue["rule"], refId: string, message: string) =>
    issues.push({ rule, target: { kind: "reference", refId }, message });
  const uploads = await findUploadsByIds(
    [...input.images, ...input.videos].flatMap((r) =>
      r.source === "upload" && r.uploadId ? [r.uploadId] : [],
    ),
  );
  const library = await findElementsByElementIds(input.elements.map((e) => e.elementId));

  const fromUpload = (
    ref: { id: string; uploadId?: string | undefined },
    kind: "image" | "video",
  ) => {
    const row = ref.uploadId ? uploads.get(ref.uploadId) : undefined;
    if (row?.kind === kind) return row;
    issue(
      kind === "image" ? "image-source" : "video-source",
      ref.id,
      localMessage("composerRules.noSuchUpload", { title: titles.get(ref.id), kind }),
    );
    return undefined;
  };
  /** A linked reference: its https URL fetched (safely) and measured; else an issue, no facts. */
  const fromLink = async <F>(
    ref: { id: string; url?: string | undefined },
    kind: "image" | "video",
    measure: (url: string) => Promise<{ facts: F; error?: string }>,
  ): Promise<{ facts: F | Record<string, never>; url?: string }> => {
    const rule = kind === "image" ? "image-source" : "video-source";
    if (!ref.url || !isHttpsUrl(ref.url)) {
      issue(
        rule,
        ref.id,
        localMessage("composerRules.linkMustBeHttps", { title: titles.get(ref.id) }),
      );
      return { facts: {} };
    }
    const measured = await measure(ref.url);
    if (measured.error) issue(rule, ref.id, linkProblem(titles.get(ref.id), measured.error));
    return { url: ref.url, facts: measured.facts };
  };

  const images = await Promise.all(
    input.images.map(async (image) => {
      if (image.source === "upload") {
        const row = fromUpload(image, "image");
        return { ...image, url: undefined, facts: row ? uploadFacts(row) : {} };
      }
      return {
        ...image,
        uploadId: undefined,
        ...(await fromLink(image, "image", measureRemoteImage)),
      };
    }),
  );
  const videos = await Promise.all(
    input.videos.map(async (video) => {
      if (video.source === "upload") {
        const row = fromUpload(video, "video");
        const base = providerMediaBase();
        if (row && !base.ok)
          issue(
            "video-source",
            video.id,
            localMessage("composerRules.referenceProblem", {
              title: titles.get(video.id),
              problem: base.problem,
            }),
          );
        return { ...video, url: undefined, facts: row ? uploadFacts(row) : {} };
      }
      return {
        ...video,
        uploadId: undefined,
        ...(await fromLink(video, "video", measureRemoteVideo)),
      };
    }),
  );
  const elements = input.elements.map((element) => {
    const row = library.get(element.elementId);
    if (!row) {
      issue(
        "element-id",
        element.id,
        localMessage("composerRules.elementNotInLibrary", { title: titles.get(element.id) }),
      );
      return element;
    }
    return { ...element, name: row.name, description: row.description ?? undefined };
  });

  const submission: ComposerSubmission = { ...input, images, videos, elements };
  return { submission, uploads, issues: [...issues, ...validateSubmission(submission)] };
}

function uploadFacts(row: UploadRow) {
  return {
    mimeType: row.mimeType,
    bytes: row.bytes,
    width: row.width ?? undefined,
    height: row.height ?? undefined,
    durationSeconds: row.durationSeconds ?? undefined,
    fps: row.fps ?? undefined,
  };
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === "https:";
  } catch {
    return false;
  }
}

/** "Image 2: the link answered HTTP 404." (the measuring layer's words end without a period). */
function linkProblem(title: string, problem: string): string {
  return localMessage("composerRules.linkProblem", { title, problem });
}
