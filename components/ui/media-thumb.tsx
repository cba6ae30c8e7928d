import type { ImgHTMLAttributes, ReactNode } from "react";

type Props = Omit<ImgHTMLAttributes<HTMLImageElement>, "src"> & {
  /** The picture: a poster or thumbnail from the studio's media route, or a blob: URL. */
  src: string | null | undefined;
  /** What stands in its place when there is no picture; nothing by default. */
  fallback?: ReactNode;
};

/**
 * A poster or reference thumbnail, or its stand-in. A plain <img>: these are the person's
 * own files, served by our media route or held as blob: URLs, which next/image's optimizer
 * would only fetch again. Decorative by default (`alt=""`): the name is beside it.
 */
export function MediaThumb({ src, fallback = null, alt = "", ...img }: Props) {
  if (!src) return fallback;
  // biome-ignore lint/performance/noImgElement: the person's media, not static assets (above)
  return <img src={src} alt={alt} {...img} />;
}
