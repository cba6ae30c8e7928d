"use client";

import { useMemo } from "react";
import type { ComposerCheck } from "@/lib/composer/build-submission";
import {
  type ComposerIssue,
  issuesForReference,
  issuesForTarget,
} from "@/lib/composer/composer-issue";
import type { Reference } from "@/lib/prompt/reference-types";

type Input = {
  check: ComposerCheck;
  progress: Record<string, number>;
  uploadErrors: Record<string, string>;
  serverErrors: Record<string, string[]>;
  /** Generate was pressed: "write a prompt" is only said after that. */
  attempted: boolean;
  videoUploadProblem: string | null;
  references: readonly Reference[];
};

const WAITING_RULES = new Set<ComposerIssue["rule"]>(["image-source", "video-source"]);

/** Which messages show where: rule issues, upload failures and the server's answer, per reference. */
export function useReferenceIssues(input: Input) {
  const { check, progress, uploadErrors, serverErrors, attempted, videoUploadProblem, references } =
    input;
  return useMemo(() => {
    const visible = check.issues.filter((issue) => {
      const target = issue.target;
      // A reference still uploading has no source yet; that is not a mistake.
      if (target.kind === "reference" && target.refId in progress && WAITING_RULES.has(issue.rule))
        return false;
      return attempted || issue.rule !== "prompt-empty";
    });
    const uploadedVideos = new Set(
      references.filter((r) => r.kind === "video" && r.source === "upload").map((r) => r.id),
    );
    return {
      unusedIds: new Set(check.unused.map((r) => r.id)),
      forTarget: (kind: "prompt" | "duration" | "aspectRatio" | "mode") =>
        issuesForTarget(visible, kind),
      forReference: (refId: string): string[] => [
        ...issuesForReference(visible, refId),
        ...(uploadErrors[refId] ? [uploadErrors[refId]] : []),
        ...(serverErrors[refId] ?? []),
        ...(videoUploadProblem && uploadedVideos.has(refId) ? [videoUploadProblem] : []),
      ],
    };
  }, [check, progress, uploadErrors, serverErrors, attempted, videoUploadProblem, references]);
}
