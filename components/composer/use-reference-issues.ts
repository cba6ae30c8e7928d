"use client";

import { useMemo } from "react";
import { useSay } from "@/i18n/use-say";
import type { ComposerCheck } from "@/lib/composer/build-submission";
import {
  type ComposerIssue,
  issuesForReference,
  issuesForShot,
  issuesForTarget,
  type SettingField,
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

/**
 * Which messages show where: rule issues, upload failures and the server's answer, per
 * reference, each in the reader's language (rules in lib/ speak in catalog keys).
 */
export function useReferenceIssues(input: Input) {
  const { check, progress, uploadErrors, serverErrors, attempted, videoUploadProblem, references } =
    input;
  const say = useSay();
  return useMemo(() => {
    const visible = check.issues.filter((issue) => {
      const target = issue.target;
      // A reference still uploading has no source yet; that is not a mistake.
      if (target.kind === "reference" && target.refId in progress && WAITING_RULES.has(issue.rule))
        return false;
      return attempted || (issue.rule !== "prompt-empty" && issue.rule !== "shot-empty");
    });
    const uploadedVideos = new Set(
      references.filter((r) => r.kind === "video" && r.source === "upload").map((r) => r.id),
    );
    return {
      unusedIds: new Set(check.unused.map((r) => r.id)),
      forTarget: (kind: "prompt" | SettingField) => issuesForTarget(visible, kind).map(say),
      forShot: (index: number) => issuesForShot(visible, index).map(say),
      forReference: (refId: string): string[] =>
        [
          ...issuesForReference(visible, refId),
          ...(uploadErrors[refId] ? [uploadErrors[refId]] : []),
          ...(serverErrors[refId] ?? []),
          ...(videoUploadProblem && uploadedVideos.has(refId) ? [videoUploadProblem] : []),
        ].map(say),
    };
  }, [check, progress, uploadErrors, serverErrors, attempted, videoUploadProblem, references, say]);
}
