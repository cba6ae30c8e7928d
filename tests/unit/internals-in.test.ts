import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { internalsIn } from "../security/helpers/internals";

/** The leak check itself: it must catch a server path wherever the checkout happens to be. */
describe("internalsIn", () => {
  it("passes a message meant for people", () => {
    expect(internalsIn("Image 1 is 200×200 px; each side must be at least 300 px.")).toEqual([]);
    expect(
      internalsIn("Use a PNG or JPEG (image/png, image/jpeg). See https://example.org/a/b"),
    ).toEqual([]);
  });

  it.each([
    ["/srv/omni/lib/uploads/save-upload.ts", "an absolute path"],
    ["/home/someone/omni-studio/data/media/uploads/x.png", "an absolute path"],
    ["C:\\Users\\someone\\omni\\data\\x.db", "an absolute path"],
  ])("finds %s in any checkout", (leaked, kind) => {
    expect(internalsIn(`could not open '${leaked}'`).join()).toContain(kind);
  });

  it("finds this machine's own folders and a stack", () => {
    const here = path.join(process.cwd(), "lib", "x.ts");
    expect(internalsIn(`failed at ${here}`).join()).toContain(process.cwd());
    expect(internalsIn(`ENOENT ${os.tmpdir()}/omni-x`).join()).toContain(os.tmpdir());
    expect(internalsIn("Error: boom\n    at save (file.ts:1:1)")).toContain("a stack trace");
    expect(internalsIn("PrismaClientKnownRequestError")).toEqual([
      "a name of the code behind it (Prisma)",
    ]);
  });
});
