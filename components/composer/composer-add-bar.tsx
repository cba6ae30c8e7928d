"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FieldError, LabelledInput } from "@/components/ui/labelled-input";
import { useSay } from "@/i18n/use-say";

type Props = {
  onFiles: (files: File[], kind: "image" | "video") => void;
  /** Adds the link once it is checked; resolves to why it was refused (a localMessage), or null. */
  onUrl: (url: string) => Promise<string | null>;
  /** Shown beside "Add video" when uploaded videos cannot reach the provider (a localMessage). */
  videoNote: string | null;
  /** One localMessage per refused file, naming it and the rule it breaks. */
  refused: readonly string[];
  children?: React.ReactNode;
};

const buttonClass =
  "rounded-md border border-line px-3 py-1.5 text-sm text-white hover:border-accent-2";

/** Every way in besides drop and paste: file pickers, a link, and (children) elements. */
export function ComposerAddBar({ onFiles, onUrl, videoNote, refused, children }: Props) {
  const t = useTranslations("composer");
  const say = useSay();
  const [url, setUrl] = useState("");
  const [urlError, setUrlError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const addUrl = async () => {
    if (checking) return;
    setChecking(true);
    setUrlError(null);
    const error = await onUrl(url.trim()).finally(() => setChecking(false));
    setUrlError(error);
    if (!error) setUrl("");
  };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <FilePicker
          label={t("addImages")}
          accept="image/png,image/jpeg"
          multiple
          testId="image-input"
          onPick={(files) => onFiles(files, "image")}
        />
        <FilePicker
          label={t("addVideo")}
          accept="video/mp4,video/quicktime"
          testId="video-input"
          describedBy={videoNote ? "video-note" : undefined}
          onPick={(files) => onFiles(files, "video")}
        />
        {children}
        <div className="flex min-w-64 flex-1 items-center gap-1">
          <LabelledInput
            id="image-url"
            label={t("linkLabel")}
            type="url"
            value={url}
            placeholder={t("linkPlaceholder")}
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void addUrl();
              }
            }}
            errorId={urlError ? "image-url-error" : undefined}
            className="min-w-0 flex-1 rounded-md border border-line bg-panel-2 px-3 py-1.5 text-sm text-white"
          />
          <button
            type="button"
            className={buttonClass}
            onClick={() => void addUrl()}
            aria-disabled={checking || undefined}
          >
            {t("addLink")}
          </button>
        </div>
      </div>
      <div role="alert" className="flex flex-col gap-1 text-sm text-red-300">
        {refused.map((message) => (
          <p key={message}>{say(message)}</p>
        ))}
      </div>
      {checking ? (
        <p role="status" className="text-xs text-muted">
          {t("checkingLink")}
        </p>
      ) : null}
      <FieldError id="image-url-error" message={urlError && say(urlError)} />
      {videoNote ? (
        <p id="video-note" className="text-xs text-amber-300">
          {say(videoNote)}
        </p>
      ) : null}
    </div>
  );
}

/** A button that opens the browser's file picker (a hidden input), and hands on what was chosen. */
function FilePicker(props: {
  label: string;
  accept: string;
  multiple?: boolean;
  testId: string;
  describedBy?: string | undefined;
  onPick: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={buttonClass}
        onClick={() => input.current?.click()}
        aria-describedby={props.describedBy}
      >
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        multiple={props.multiple}
        accept={props.accept}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid={props.testId}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = "";
          if (files.length) props.onPick(files);
        }}
      />
    </>
  );
}
