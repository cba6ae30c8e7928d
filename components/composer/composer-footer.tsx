"use client";

import type { UseFormRegister } from "react-hook-form";
import type { Reference } from "@/lib/prompt/reference-types";
import type { SettingsValues } from "./composer-settings";

type Props = {
  register: UseFormRegister<SettingsValues>;
  unused: readonly Reference[];
  unusedTitles: string;
  cost: string;
  costLabel: string;
  pending: boolean;
  uploading: boolean;
  formError: string | null;
  announcement: string;
};

/** The unused-reference decision, the cost estimate and Generate. */
export function ComposerFooter(props: Props) {
  return (
    <div className="flex flex-col gap-3">
      {props.unused.length > 0 ? (
        <div className="flex flex-col gap-1 rounded-md border border-amber-400/40 bg-amber-400/5 p-2 text-sm">
          <p className="text-amber-300">
            {props.unusedTitles} {props.unused.length === 1 ? "is" : "are"} not mentioned in the
            prompt.
          </p>
          <label className="flex items-center gap-2 text-muted">
            <input type="checkbox" {...props.register("sendUnused")} />
            Send unused references
          </label>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={props.pending}
          aria-describedby="cost-estimate"
          className="rounded-md bg-accent px-5 py-2 text-sm font-semibold text-white hover:bg-accent-2 disabled:opacity-60"
        >
          {props.pending ? "Sending…" : "Generate"}
        </button>
        <p id="cost-estimate" className="text-xs text-muted">
          Estimated cost {props.cost} {props.costLabel}
          {props.uploading ? " · uploads in progress" : ""}
        </p>
      </div>
      {props.formError ? (
        <p role="alert" className="text-sm text-red-300">
          {props.formError}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {props.announcement}
      </p>
    </div>
  );
}
