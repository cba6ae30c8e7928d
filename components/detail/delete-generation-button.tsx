"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteGenerationsAction } from "@/lib/actions/delete-generations";

export function DeleteGenerationButton({ id }: { id: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const remove = () => {
    if (!window.confirm("Delete this generation, its files and its share links?")) return;
    startTransition(async () => {
      const result = await deleteGenerationsAction([id]);
      if (result.ok) router.push("/gallery");
      else setError(result.error);
    });
  };
  return (
    <>
      <button
        type="button"
        onClick={remove}
        disabled={pending}
        className="rounded-md border border-red-500/40 px-4 py-2 text-red-200 hover:bg-red-500/10"
      >
        Delete
      </button>
      {error ? (
        <p role="alert" className="w-full text-red-300">
          {error}
        </p>
      ) : null}
    </>
  );
}
