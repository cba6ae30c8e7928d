import { localMessage } from "@/i18n/local-message";
import { measureLinkAction } from "@/lib/actions/measure-link";
import { checkImage, checkVideo } from "@/lib/composer/media-rules";
import type { VideoFacts } from "@/lib/prompt/reference-types";

export type LinkCheck =
  | { ok: true; kind: "image" | "video"; facts: VideoFacts }
  /** One localMessage naming the link and the first rule it breaks. */
  | { ok: false; refusal: string };

const SCREEN_ID = "ref_link";

/**
 * A link is judged when it is added, as a picked file is: its facts come from the server
 * (measureLinkAction fetches it safely; the browser never fetches the link itself), then the
 * same per-file rules run. The server measures it again at Generate.
 */
export async function checkLink(url: string): Promise<LinkCheck> {
  if (!/^https:\/\/\S+$/i.test(url)) {
    return { ok: false, refusal: localMessage("composerRules.linkNotHttps") };
  }
  const kind = /\.(mp4|mov)$/i.test(url.split(/[?#]/)[0] ?? "") ? "video" : "image";
  const title = `"${url.length > 80 ? `${url.slice(0, 77)}…` : url}"`;
  const measured = await measureLinkAction({ url, kind });
  if (!measured.ok) return { ok: false, refusal: measured.error };
  const { facts, error } = measured.data;
  if (error) {
    return {
      ok: false,
      refusal: localMessage("composerRules.linkUnreadable", { title, problem: error }),
    };
  }
  const issues =
    kind === "video"
      ? checkVideo(
          {
            id: SCREEN_ID,
            kind,
            name: url,
            source: "url",
            url,
            referType: "feature",
            keepOriginalSound: false,
            facts,
          },
          title,
        )
      : checkImage(
          { id: SCREEN_ID, kind, name: url, source: "url", url, frame: null, facts },
          title,
        );
  const first = issues[0];
  if (first)
    return {
      ok: false,
      refusal: localMessage("composerRules.notAdded", { problem: first.message }),
    };
  return { ok: true, kind, facts };
}
