"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { soundBlockedReason } from "@/lib/composer/model-rules";
import { switchModel } from "@/lib/composer/switch-model";
import type { Duration } from "@/lib/kling-contract/limits";
import {
  DEFAULT_MODEL,
  MAX_SECONDS,
  MIN_SECONDS,
  type ModelName,
  type ShotType,
  V3_MODEL,
} from "@/lib/kling-contract/models";
import { referencesOfKind } from "@/lib/prompt/reference-list";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import type { ComposerDraft } from "../composer-draft";
import type { SettingsValues } from "../composer-settings";
import type { ShotListHandle } from "./shot-list";
import {
  addShot,
  fitShotsTo,
  moveShot,
  type ShotDraft,
  type StoryboardState,
  startStoryboard,
  totalSeconds,
} from "./shot-list-state";

/** The composer's form, for the duration the shots must add up to. */
type DurationForm = Pick<UseFormReturn<SettingsValues>, "watch" | "setValue">;

/**
 * Model, Sound and the storyboard, kept beside the form's settings. The video's duration
 * stays the shots' total: a shot's new length sets it, and a new duration chosen in the
 * Duration select is taken up by the last shot. `segments` is the main prompt, which the
 * first shot starts from when Storyboard is turned on.
 */
export function useModelControls(
  initial: Pick<ComposerDraft, "settings" | "storyboard">,
  references: readonly Reference[],
  segments: PromptSegment[],
  form: DurationForm,
) {
  const duration = form.watch("duration");
  const setDuration = (value: Duration) => form.setValue("duration", value);
  const [model, setModel] = useState<ModelName>(initial.settings.model ?? DEFAULT_MODEL);
  const [soundChosen, setSoundChosen] = useState(initial.settings.sound ?? false);
  const [storyboard, setStoryboard] = useState<StoryboardState | null>(
    initial.storyboard
      ? {
          shotType: initial.storyboard.shotType,
          shots: initial.storyboard.shots.map((s) => ({ ...s, segments: [...s.segments] })),
        }
      : null,
  );
  const t = useTranslations("composer");
  // Said where shown: switchModel's notes are localMessages, the shot notes already words.
  const [notes, setNotes] = useState<string[]>([]);
  const refs = {
    images: referencesOfKind(references, "image"),
    elements: referencesOfKind(references, "element"),
    videos: referencesOfKind(references, "video"),
  };
  const soundBlocked = soundBlockedReason({ model, videos: refs.videos });

  /** Where the add bar's chips go while shots replace the prompt. */
  const shotListRef = useRef<ShotListHandle>(null);
  const latestShots = useRef(storyboard?.shots);
  latestShots.current = storyboard?.shots;
  useEffect(() => {
    // A duration chosen in the select: the last shot takes up the difference.
    const shots = latestShots.current;
    if (!shots) return;
    const fitted = fitShotsTo(shots, Number(duration));
    if (fitted) setStoryboard((board) => (board ? { ...board, shots: fitted } : board));
  }, [duration]);

  const setShots = (shots: ShotDraft[], announce?: string) => {
    setStoryboard((board) => (board ? { ...board, shots } : board));
    const total = totalSeconds(shots);
    if (total >= MIN_SECONDS && total <= MAX_SECONDS[V3_MODEL] && String(total) !== duration) {
      setDuration(String(total) as Duration);
    }
    setNotes(announce ? [announce] : []);
  };

  return {
    model,
    /** What is sent: off while something blocks it, whatever was chosen. */
    sound: soundChosen && soundBlocked === null,
    soundBlocked,
    storyboard,
    shotListRef,
    /** Shots replace the prompt: the main editor hides and new chips go into a shot. */
    customShots: storyboard?.shotType === "customize",
    notes,
    chooseModel(to: ModelName) {
      const { next, notes } = switchModel(
        { model, duration, sound: soundChosen, storyboardOn: storyboard !== null },
        to,
        refs,
      );
      setModel(next.model);
      setSoundChosen(next.sound);
      if (!next.storyboardOn) setStoryboard(null);
      if (next.duration !== duration) setDuration(next.duration);
      setNotes(notes);
    },
    setSound: (on: boolean) => setSoundChosen(on),
    setStoryboardOn(on: boolean) {
      setStoryboard(on ? startStoryboard([...segments], duration) : null);
      setNotes([]);
    },
    setShotType: (shotType: ShotType) => setStoryboard((b) => (b ? { ...b, shotType } : b)),
    setShotSegments(id: string, next: PromptSegment[]) {
      setStoryboard((b) =>
        b ? { ...b, shots: b.shots.map((s) => (s.id === id ? { ...s, segments: next } : s)) } : b,
      );
    },
    setShotDuration(id: string, seconds: string) {
      if (!storyboard) return;
      setShots(storyboard.shots.map((s) => (s.id === id ? { ...s, duration: seconds } : s)));
    },
    addShot() {
      const next = storyboard ? addShot(storyboard.shots) : null;
      if (next) setShots(next, t("shotAdded", { n: next.length }));
    },
    removeShot(index: number) {
      if (!storyboard || storyboard.shots.length <= 1) return;
      setShots(
        storyboard.shots.filter((_, i) => i !== index),
        t("shotRemoved", { n: index + 1 }),
      );
    },
    moveShot(from: number, to: number) {
      if (!storyboard || to < 0 || to >= storyboard.shots.length) return;
      setShots(
        moveShot(storyboard.shots, from, to),
        t("shotMoved", { from: from + 1, to: to + 1 }),
      );
    },
  };
}

export type ModelControls = ReturnType<typeof useModelControls>;
