"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
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
  const images = useRef<HTMLInputElement>(null);
  const video = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const [urlError, setUrlError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const pick = (input: HTMLInputElement | null, kind: "image" | "video") => {
    const files = Array.from(input?.files ?? []);
    if (input) input.value = "";
    if (files.length) onFiles(files, kind);
  };
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
        <button type="button" className={buttonClass} onClick={() => images.current?.click()}>
          {t("addImages")}
        </button>
        <input
          ref={images}
          type="file"
          multiple
          accept="image/png,image/jpeg"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          data-testid="image-input"
          onChange={(e) => pick(e.currentTarget, "image")}
        />
        <button
          type="button"
          className={buttonClass}
          onClick={() => video.current?.click()}
          aria-describedby={videoNote ? "video-note" : undefined}
        >
          {t("addVideo")}
        </button>
        <input
          ref={video}
          type="file"
          accept="video/mp4,video/quicktime"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          data-testid="video-input"
          onChange={(e) => pick(e.currentTarget, "video")}
        />
        {children}
        <div className="flex min-w-64 flex-1 items-center gap-1">
          <label htmlFor="image-url" className="sr-only">
            {t("linkLabel")}
          </label>
          <input
            id="image-url"
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
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? "image-url-error" : undefined}
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
      {urlError ? (
        <p id="image-url-error" className="text-xs text-red-300">
          {say(urlError)}
        </p>
      ) : null}
      {videoNote ? (
        <p id="video-note" className="text-xs text-amber-300">
          {say(videoNote)}
        </p>
      ) : null}
    </div>
  );
}
