"use client";

import { useRef, useState } from "react";

type Props = {
  onFiles: (files: File[], kind: "image" | "video") => void;
  onUrl: (url: string) => string | null;
  /** Shown beside "Add video" when uploaded videos cannot reach the provider. */
  videoNote: string | null;
  children?: React.ReactNode;
};

const buttonClass =
  "rounded-md border border-line px-3 py-1.5 text-sm text-white hover:border-accent-2";

/** Every way in besides drop and paste: file pickers, a link, and (children) elements. */
export function ComposerAddBar({ onFiles, onUrl, videoNote, children }: Props) {
  const images = useRef<HTMLInputElement>(null);
  const video = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const [urlError, setUrlError] = useState<string | null>(null);
  const pick = (input: HTMLInputElement | null, kind: "image" | "video") => {
    const files = Array.from(input?.files ?? []);
    if (input) input.value = "";
    if (files.length) onFiles(files, kind);
  };
  const addUrl = () => {
    const error = onUrl(url.trim());
    setUrlError(error);
    if (!error) setUrl("");
  };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass} onClick={() => images.current?.click()}>
          Add images
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
          Add video
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
            Image or video link
          </label>
          <input
            id="image-url"
            type="url"
            value={url}
            placeholder="https://… image or video link (.mp4)"
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addUrl();
              }
            }}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? "image-url-error" : undefined}
            className="min-w-0 flex-1 rounded-md border border-line bg-panel-2 px-3 py-1.5 text-sm text-white"
          />
          <button type="button" className={buttonClass} onClick={addUrl}>
            Add link
          </button>
        </div>
      </div>
      {urlError ? (
        <p id="image-url-error" className="text-xs text-red-300">
          {urlError}
        </p>
      ) : null}
      {videoNote ? (
        <p id="video-note" className="text-xs text-amber-300">
          {videoNote}
        </p>
      ) : null}
    </div>
  );
}
