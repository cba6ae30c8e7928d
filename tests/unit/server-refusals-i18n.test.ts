import { describe, expect, it } from "vitest";
import { localMessage } from "@/i18n/local-message";
import { sayOnServer } from "@/i18n/say-on-server";
import { AppError } from "@/lib/errors";
import { priceLabel } from "@/lib/generations/estimate-cost";
import { assertCleanInput } from "@/lib/security/hostile-input";
import { inspectUpload } from "@/lib/security/inspect-upload";
import { assertRequestSource } from "@/lib/security/request-guard";
import { verifySignedMediaUrl } from "@/lib/uploads/signed-media-link";

/**
 * Refusals made deep in lib/ carry a catalog key (localMessage) and read in the language of
 * the request that gets them: the same refusal in Korean and in English.
 */
/** A PNG's signature, IHDR and IEND: what the inspector reads (no pixels are decoded). */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(45);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write("IHDR", 12, "ascii");
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.write("IEND", 37, "ascii");
  return bytes;
}

function refusalOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error("nothing was refused");
}

async function inBoth(message: string): Promise<{ en: string; ko: string }> {
  return { en: (await sayOnServer("en"))(message), ko: (await sayOnServer("ko"))(message) };
}

describe("server refusals in both languages", () => {
  it("an image too small for Kling, with its size as numbers", async () => {
    const said = await inBoth(refusalOf(() => inspectUpload(pngHeader(200, 200))));
    expect(said.en).toBe("The image is too small (200×200); at least 300 pixels a side.");
    expect(said.ko).toBe("이미지가 너무 작습니다(200×200). 한 변은 최소 300픽셀이어야 합니다.");
  });

  it("an image outside 1:2.5–2.5:1", async () => {
    const said = await inBoth(refusalOf(() => inspectUpload(pngHeader(3000, 800))));
    expect(said.en).toMatch(/^The image is too wide \(3000×800\)/);
    expect(said.ko).toMatch(/^이미지의 가로가 너무 깁니다\(3000×800\)\. 비율은/);
    // Said the way it is wrong: a tall picture is not called "too wide" (nor "too narrow").
    const tall = await inBoth(refusalOf(() => inspectUpload(pngHeader(800, 3000))));
    expect(tall.en).toMatch(/^The image is too tall \(800×3000\)/);
    expect(tall.ko).toMatch(/^이미지의 세로가 너무 깁니다\(800×3000\)/);
  });

  it("text with a NUL in it", async () => {
    const said = await inBoth(refusalOf(() => assertCleanInput({ prompt: "a\u0000b" })));
    expect(said.en).toBe("The text contains control characters (such as NUL); remove them.");
    expect(said.ko).toBe("텍스트에 제어 문자(NUL 등)가 들어 있습니다. 삭제하세요.");
  });

  it("a request under a foreign Host name, which is named in the refusal", async () => {
    const request = { method: "GET", headers: new Headers({ host: "evil.example" }) };
    const said = await inBoth(refusalOf(() => assertRequestSource(request)));
    expect(said.en).toMatch(/^This studio does not answer to "evil\.example"\./);
    expect(said.ko).toMatch(/^이 스튜디오는 "evil\.example" 주소로 응답하지 않습니다\./);
  });

  it("an unsigned media link", async () => {
    const verdict = verifySignedMediaUrl(new URL("http://127.0.0.1/api/provider-media/a.png"));
    if (verdict.ok) throw new Error("an unsigned link was accepted");
    const said = await inBoth(verdict.error.message);
    expect(said.en).toMatch(/^This link is not signed;/);
    expect(said.ko).toMatch(/^서명되지 않은 링크입니다\./);
  });

  it("the price source beside the estimated cost", async () => {
    const said = await inBoth(
      priceLabel({ source: "kling-list" } as Parameters<typeof priceLabel>[0]),
    );
    expect(said).toEqual({ en: "at Kling list prices", ko: "Kling 정가 기준" });
  });

  it("the daily budget refusal, with its amounts in each language's USD format", async () => {
    const said = await inBoth(
      localMessage("serverErrors.budgetSpent", { budget: 1, spent: 0.835, cost: 0.42 }),
    );
    expect(said.en).toMatch(
      /^Today's budget of \$1\.00 is spent \(\$0\.84 so far, .* about \$0\.42\)/,
    );
    expect(said.ko).toMatch(/^오늘 예산 US\$1\.00을\(를\) 모두 사용했습니다\(지금까지 US\$0\.84, /);
  });

  it("a history archive's refusal names its own rows and paths, in both languages", async () => {
    const said = await inBoth(
      localMessage("galleryErrors.inconsistent", {
        detail: localMessage("importDetails.mediaRefused", {
          path: "results/gen_a.mp4",
          reason: localMessage("importDetails.wrongKind", { kind: "video" }),
        }),
      }),
    );
    expect(said.en).toBe(
      "media/results/gen_a.mp4 was refused: it is not the video its row says. Nothing was imported.",
    );
    expect(said.ko).toBe(
      "아카이브 내용이 서로 맞지 않습니다(media/results/gen_a.mp4 파일을 받지 않았습니다: 행에 적힌 영상이 아닙니다.). 아무것도 가져오지 않았습니다.",
    );
  });
});
