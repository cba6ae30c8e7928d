"use client";

import { useLocale, useTranslations } from "next-intl";
import type { UseFormRegister } from "react-hook-form";
import type { CreatedTakes } from "@/lib/composer/takes";
import { formatUsd } from "@/lib/generations/estimate-cost";
import type { Reference } from "@/lib/prompt/reference-types";
import type { SettingsValues } from "./composer-settings";
import { TakesSelect } from "./takes-select";

type Props = {
  register: UseFormRegister<SettingsValues>;
  unused: readonly Reference[];
  unusedTitles: string;
  /** Estimated cost in USD, written here in the reader's language. */
  cost: number;
  costLabel: string;
  pending: boolean;
  uploading: boolean;
  formError: string | null;
  announcement: string;
  takes: { count: number; made: CreatedTakes | null };
  /** Beside Generate: "New video" (or its Undo). */
  children?: React.ReactNode;
};

/** The unused-reference decision, the cost estimate and Generate. */
export function ComposerFooter(props: Props) {
  const t = useTranslations("composer");
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3">
      {props.unused.length > 0 ? (
        <div className="flex flex-col gap-1 rounded-md border border-amber-400/40 bg-amber-400/5 p-2 text-sm">
          <p className="text-amber-300">
            {t("unusedNotMentioned", { titles: props.unusedTitles, count: props.unused.length })}
          </p>
          <label className="flex items-center gap-2 text-muted">
            <input type="checkbox" {...props.register("sendUnused")} />
            {t("sendUnused")}
          </label>
        </div>
      ) : null}
      {/*
        On a phone Generate and its cost stay in reach: a bar fixed to the bottom edge (the
        studio page leaves room for it below its last row).
      */}
      <div className="fixed inset-x-0 bottom-0 z-20 flex flex-wrap items-center gap-3 border-t border-line bg-panel px-4 py-3 sm:static sm:z-auto sm:border-0 sm:bg-transparent sm:p-0">
        <button
          type="submit"
          disabled={props.pending}
          aria-describedby="cost-estimate"
          className="rounded-md bg-accent-strong px-5 py-2 text-sm font-semibold text-white hover:bg-accent disabled:opacity-60"
        >
          {props.pending ? t("sending") : t("generate")}
        </button>
        <TakesSelect register={props.register} {...props.takes} />
        <p id="cost-estimate" className="text-xs text-muted">
          {t("estimatedCost", { cost: formatUsd(props.cost, locale), label: props.costLabel })}
          {props.uploading ? t("uploadsInProgress") : ""}
        </p>
        <div className="ml-auto">{props.children}</div>
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
