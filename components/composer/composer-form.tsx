"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { createGenerationAction } from "@/lib/actions/create-generation";
import { estimateCostUsd, formatUsd } from "@/lib/generations/estimate-cost";
import {
  DEFAULT_GENERATION_INPUT,
  type GenerationInput,
  generationInputSchema,
} from "@/lib/generations/generation-input-schema";
import {
  ASPECT_RATIOS,
  MAX_PROMPT_CHARS,
  MODE_LABELS,
  MODES,
  TEXT_TO_VIDEO_DURATIONS,
} from "@/lib/generations/limits";

const modeOptions = MODES.map((mode) => ({ value: mode, label: MODE_LABELS[mode] }));
const aspectOptions = ASPECT_RATIOS.map((ratio) => ({ value: ratio, label: ratio }));
const durationOptions = TEXT_TO_VIDEO_DURATIONS.map((d) => ({ value: d, label: `${d} s` }));

export function ComposerForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<GenerationInput>({
    resolver: zodResolver(generationInputSchema),
    defaultValues: DEFAULT_GENERATION_INPUT,
  });
  const { errors } = form.formState;
  const prompt = form.watch("prompt");
  const mode = form.watch("mode");
  const duration = form.watch("duration");

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await createGenerationAction(values);
      if (!result.ok) {
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          form.setError(field as keyof GenerationInput, { message: messages[0] });
        }
        setFormError(result.error);
        return;
      }
      form.reset({ ...values, prompt: "" });
      router.refresh();
    });
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-xl border border-line bg-panel p-4"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="prompt" className="text-xs font-medium uppercase tracking-wide text-muted">
          Prompt
        </label>
        <textarea
          id="prompt"
          rows={5}
          placeholder="A paper boat drifts down a rain-soaked street at dusk, camera tracking low…"
          aria-invalid={errors.prompt ? true : undefined}
          aria-describedby="prompt-help"
          className="resize-y rounded-md border border-line bg-panel-2 p-3 text-sm leading-relaxed text-white placeholder:text-muted/60"
          {...form.register("prompt")}
        />
        <div id="prompt-help" className="flex justify-between text-xs">
          <span className="text-red-300">{errors.prompt?.message}</span>
          <span className={prompt.length > MAX_PROMPT_CHARS ? "text-red-300" : "text-muted"}>
            {prompt.length} / {MAX_PROMPT_CHARS}
          </span>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <SelectField
          id="mode"
          label="Mode"
          options={modeOptions}
          error={errors.mode?.message}
          {...form.register("mode")}
        />
        <SelectField
          id="aspectRatio"
          label="Aspect ratio"
          options={aspectOptions}
          error={errors.aspectRatio?.message}
          {...form.register("aspectRatio")}
        />
        <SelectField
          id="duration"
          label="Duration"
          options={durationOptions}
          error={errors.duration?.message}
          {...form.register("duration")}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-accent px-5 py-2 text-sm font-semibold text-white hover:bg-accent-2 disabled:opacity-60"
        >
          {pending ? "Sending…" : "Generate"}
        </button>
        <p className="text-xs text-muted">
          Estimated cost{" "}
          {formatUsd(estimateCostUsd({ mode, seconds: Number(duration), hasVideo: false }))} at
          Kling list prices
        </p>
        {formError ? (
          <p role="alert" className="w-full text-sm text-red-300">
            {formError}
          </p>
        ) : null}
      </div>
    </form>
  );
}
