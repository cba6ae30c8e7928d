import { beforeAll, describe, expect, it } from "vitest";
import type { SharePageData } from "@/lib/shares/get-share-page";
import {
  escapeHtml,
  renderPromptHtml,
  renderSharePage,
  renderUnavailablePage,
} from "@/lib/shares/render-share-html";
import { requestOrigin } from "@/lib/shares/request-origin";
import { type SharePageWords, sharePageWords } from "@/lib/shares/share-page-words";

let words: SharePageWords;
let koWords: SharePageWords;
beforeAll(async () => {
  [words, koWords] = await Promise.all([sharePageWords("en"), sharePageWords("ko")]);
});

const hostile = `A fox </p><script>alert("x")</script> & a 'cat' <<<image_1>>> "quoted"`;

function page(overrides: Partial<SharePageData> = {}): SharePageData {
  return {
    shareId: "abc123",
    title: `Say "hi" <b>& run</b>`,
    description: `Desc with "quotes" & <tags>`,
    videoPath: "/api/share-media/abc123/video",
    posterPath: "/api/share-media/abc123/poster",
    width: 640,
    height: 360,
    durationSeconds: 3,
    allowIndexing: false,
    modelLabel: "Kling O1",
    withSound: false,
    recipe: {
      shots: [],
      prompt: hostile,
      references: [
        {
          id: "ref_1",
          kind: "image",
          position: 0,
          label: `Cat "Tom" <img src=x onerror=alert(1)>`,
          fileName: null,
          imageType: null,
          referType: null,
          thumbnailUrl: "/api/share-media/abc123/ref_1",
        },
      ],
    },
    ...overrides,
  };
}

/** Every `content="…"` value of the meta tag with this name or property. */
function metaContent(html: string, key: string): string | undefined {
  const match = html.match(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)">`));
  return match?.[1];
}

describe("share page HTML", () => {
  it("escapes the five HTML specials", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });

  it("renders a hostile prompt as text around a chip", () => {
    const html = renderPromptHtml(hostile, page().recipe?.references ?? [], words);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&amp; a &#39;cat&#39;");
    expect(html).toContain(
      '<span class="chip" data-chip="image_1"><img src="/api/share-media/abc123/ref_1" alt=""',
    );
    expect(html).toContain("Cat &quot;Tom&quot; &lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img src=x");
    // Exactly one real <p>: the prompt's own "</p>" stayed text.
    expect(html.match(/<\/p>/g)).toHaveLength(1);
  });

  it("lists a storyboard's shots as chips with their length, and badges model and sound", () => {
    const base = page();
    const board = page({
      modelLabel: "Kling 3.0 Omni",
      withSound: true,
      recipe: {
        prompt: "unused",
        references: base.recipe?.references ?? [],
        shots: [
          { index: 1, prompt: "<<<image_1>>> wakes", duration: "4" },
          { index: 2, prompt: `Rain ${hostile}`, duration: "6" },
        ],
      },
    });
    const html = renderSharePage(board, {
      origin: "https://studio.example.com",
      nonce: null,
      words,
    });
    expect(html).toContain('<span class="badge">Kling 3.0 Omni</span>');
    expect(html).toContain("With sound");
    expect(html).toContain(
      '<li aria-label="Shot 1"><p class="shot-meta">Shot 1 · 4 s · 19 characters</p>',
    );
    expect(html).toContain("Shot 2 · 6 s · 75 characters");
    expect(html.match(/data-chip="image_1"/g)).toHaveLength(2);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("unused");
    const ko = renderSharePage(board, {
      origin: "https://studio.example.com",
      nonce: null,
      words: koWords,
    });
    expect(ko).toContain("사운드 포함");
    expect(ko).toContain('<li aria-label="샷 1"><p class="shot-meta">샷 1 · 4초 · 19자</p>');
  });

  it("names an unmatched token by kind and number, without a thumbnail", () => {
    const html = renderPromptHtml("go <<<video_2>>> now", [], words);
    expect(html).toContain(
      'data-chip="video_2"><span aria-hidden="true" class="chip-icon">v</span>',
    );
    expect(html).toContain('<span class="sr-only">Video reference: </span>Video 2</span>');
  });

  it("speaks the viewer's language: lang, link-preview text, chips", () => {
    const html = renderSharePage(page({ title: null, description: null }), {
      origin: "https://studio.example",
      nonce: null,
      words: koWords,
    });
    expect(html).toContain('<html lang="ko">');
    expect(metaContent(html, "og:title")).toBe("Omni Studio로 만든 영상");
    expect(metaContent(html, "og:locale")).toBe("ko_KR");
    expect(metaContent(html, "description")).toBe(koWords.defaultDescription);
    expect(html).toContain('<h2 id="recipe-heading">레시피</h2>');
    expect(html).toContain('<span class="sr-only">참조 이미지: </span>');
    expect(html).toContain('aria-label="공유된 영상"');
    expect(html).not.toContain("Make your own");
    const missing = renderPromptHtml("<<<element_3>>>", [], koWords);
    expect(missing).toContain('<span class="sr-only">요소: </span>요소 3</span>');
  });

  it("escapes the title and description in the head and the body", () => {
    const html = renderSharePage(page(), {
      origin: "https://studio.example",
      nonce: "n0nceABC",
      words,
    });
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(
      "<title>Say &quot;hi&quot; &lt;b&gt;&amp; run&lt;/b&gt; · Omni Studio</title>",
    );
    expect(html).toContain("<h1>Say &quot;hi&quot; &lt;b&gt;&amp; run&lt;/b&gt;</h1>");
    expect(metaContent(html, "og:title")).toBe("Say &quot;hi&quot; &lt;b&gt;&amp; run&lt;/b&gt;");
    expect(metaContent(html, "og:description")).toBe(
      "Desc with &quot;quotes&quot; &amp; &lt;tags&gt;",
    );
    expect(metaContent(html, "og:image:alt")).toBe(metaContent(html, "og:title"));
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<script");
    expect(html).toContain('<style nonce="n0nceABC">');
  });

  it("gives every preview tag an absolute URL and the video's size", () => {
    const html = renderSharePage(page(), { origin: "https://studio.example", nonce: null, words });
    expect(metaContent(html, "og:url")).toBe("https://studio.example/s/abc123");
    expect(metaContent(html, "og:image")).toBe(
      "https://studio.example/api/share-media/abc123/poster",
    );
    expect(metaContent(html, "og:video")).toBe(
      "https://studio.example/api/share-media/abc123/video",
    );
    expect(metaContent(html, "og:video:type")).toBe("video/mp4");
    expect(metaContent(html, "og:video:width")).toBe("640");
    expect(metaContent(html, "og:type")).toBe("video.other");
    expect(metaContent(html, "twitter:card")).toBe("player");
    expect(metaContent(html, "twitter:player")).toBe("https://studio.example/s/abc123");
    expect(metaContent(html, "twitter:player:height")).toBe("360");
    expect(metaContent(html, "robots")).toBe("noindex, nofollow");
    expect(html).toContain('<link rel="canonical" href="https://studio.example/s/abc123">');
    expect(html).toContain(".frame{aspect-ratio:640/360;");
    expect(html).toContain("<style>");
  });

  it("leaves out the recipe, and lets an opted-in share be indexed", () => {
    const html = renderSharePage(page({ recipe: null, allowIndexing: true }), {
      origin: "http://localhost:3000",
      nonce: null,
      words,
    });
    expect(html).not.toContain("Recipe");
    expect(html).not.toContain("data-chip");
    expect(metaContent(html, "robots")).toBe("index, follow");
  });

  it("escapes a hostile nonce and renders the unavailable page", () => {
    const html = renderUnavailablePage({ nonce: `x"><script>`, words });
    expect(html).toContain('<style nonce="x&quot;&gt;&lt;script&gt;">');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>This link is not available</h1>");
    expect(html).toContain('<a class="cta" href="/">Make your own</a>');
  });
});

describe("requestOrigin", () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it("lets PUBLIC_BASE_URL win over the request", () => {
    expect(requestOrigin(headers({ host: "internal:3000" }), "https://videos.example")).toBe(
      "https://videos.example",
    );
  });

  it("reads forwarded host and proto, first value only", () => {
    const list = headers({
      host: "internal:3000",
      "x-forwarded-host": "studio.example, proxy.local",
      "x-forwarded-proto": "https,http",
    });
    expect(requestOrigin(list, undefined)).toBe("https://studio.example");
    expect(requestOrigin(headers({ host: "127.0.0.1:3100" }), undefined)).toBe(
      "http://127.0.0.1:3100",
    );
  });

  it("refuses a Host header that is not a host", () => {
    expect(requestOrigin(headers({ host: `evil"><script>` }), undefined)).toBe("http://localhost");
  });
});
