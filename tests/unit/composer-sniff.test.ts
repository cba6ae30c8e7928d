import { describe, expect, it } from "vitest";
import { sniffImageType, sniffVideoType } from "@/lib/composer/sniff-media-type";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

describe("sniffImageType", () => {
  it("knows PNG and JPEG by their first bytes", () => {
    expect(sniffImageType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("image/png");
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
  });

  it("refuses other content whatever the file is called", () => {
    expect(sniffImageType(bytes("GIF89a"))).toBeNull();
    expect(sniffImageType(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))).toBeNull();
    expect(sniffImageType(bytes([0x89], "PN"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe("sniffVideoType", () => {
  it("tells MP4 from QuickTime", () => {
    expect(sniffVideoType(bytes([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0]))).toBe("video/mp4");
    expect(sniffVideoType(bytes([0, 0, 0, 0x14], "ftypqt  "))).toBe("video/quicktime");
    expect(sniffVideoType(bytes([0, 0, 0, 8], "wide"))).toBe("video/quicktime");
  });

  it("refuses WebM and AVI", () => {
    expect(sniffVideoType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]))).toBeNull();
    expect(sniffVideoType(bytes("RIFF", [0, 0, 0, 0], "AVI "))).toBeNull();
  });
});
