"use client";

/**
 * An on/off switch (role="switch") named by its visible label. When disabled it says why,
 * tied to it by aria-describedby, so the reason is read with the control.
 */
export function SwitchField({
  id,
  label,
  checked,
  onChange,
  disabledReason,
  error,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  disabledReason?: string | null | undefined;
  error?: string | undefined;
}) {
  const noteId = `${id}-note`;
  const note = disabledReason ?? error;
  return (
    <div className="flex flex-col gap-1">
      <span className="flex items-center gap-2">
        <button
          id={id}
          type="button"
          role="switch"
          aria-checked={checked}
          aria-labelledby={`${id}-label`}
          aria-describedby={note ? noteId : undefined}
          disabled={Boolean(disabledReason)}
          onClick={() => onChange(!checked)}
          className={`relative h-6 w-11 rounded-full border border-line transition-colors disabled:opacity-50 ${checked ? "bg-accent" : "bg-panel-2"}`}
        >
          <span
            aria-hidden="true"
            className={`absolute top-0.5 h-4.5 w-4.5 rounded-full bg-white transition-all ${checked ? "left-5.5" : "left-0.5"}`}
          />
        </button>
        <span id={`${id}-label`} className="text-xs font-medium uppercase tracking-wide text-muted">
          {label}
        </span>
      </span>
      {note ? (
        <p id={noteId} className={`text-xs ${disabledReason ? "text-muted" : "text-red-300"}`}>
          {note}
        </p>
      ) : null}
    </div>
  );
}
