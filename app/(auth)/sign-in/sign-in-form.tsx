"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { LabelledInput } from "@/components/ui/labelled-input";
import { type SignInState, signInAction } from "@/lib/actions/sign-in";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="next" value={next} />
      <LabelledInput
        id="password"
        label={t("password")}
        labelClassName="text-sm font-medium"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errorId={state.error ? "sign-in-error" : undefined}
        className="rounded-md border border-line bg-panel px-3 py-2"
      />
      {state.error ? (
        <p id="sign-in-error" role="alert" className="text-sm text-red-300">
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-white px-3 py-2 font-medium text-black disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
