import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sayOnServer } from "@/i18n/say-on-server";
import { getDb } from "@/lib/db/client";
import { addElement, listElements, updateElement } from "@/lib/elements/element-repository";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "../helpers/db-test-env";

/** What the library's "Edit" saves, against a real (temporary SQLite) database. */
let database: Awaited<ReturnType<typeof useTestDatabase>>;
beforeAll(async () => {
  database = await useTestDatabase("sqlite");
});
afterAll(() => database.cleanup());

describe("updateElement (the library's Edit)", () => {
  it("renames and describes an element and keeps its thumbnail", async () => {
    const added = await addElement({ name: "Cat", elementId: "4242", description: "" });
    // A thumbnail as an upload would have set it.
    await getDb().element.update({
      where: { id: added.id },
      data: { thumbnailPath: "uploads/up_thumb.png" },
    });
    const saved = await updateElement(added.id, {
      name: " Ginger cat ",
      elementId: "4242",
      description: "Orange, green eyes",
    });
    expect(saved).toEqual({
      id: added.id,
      name: "Ginger cat",
      elementId: "4242",
      description: "Orange, green eyes",
      thumbnailUrl: "/api/media/uploads/up_thumb.png",
      tag: undefined,
      source: "registered",
    });
    expect(await listElements()).toContainEqual(saved);
    // Clearing the description clears it.
    const cleared = await updateElement(added.id, { name: "Ginger cat", elementId: "4242" });
    expect(cleared.description).toBeUndefined();
    expect(cleared.thumbnailUrl).toBe("/api/media/uploads/up_thumb.png");
  });

  it("refuses a bad name, a bad id, another element's id and an unknown element, per field", async () => {
    const a = await addElement({ name: "Owl", elementId: "1001" });
    await addElement({ name: "Fox", elementId: "1002" });
    // The refusals carry catalog keys; said here as runAction says them, in both languages.
    const [en, ko] = await Promise.all([sayOnServer("en"), sayOnServer("ko")]);
    const fails = async (id: string, input: unknown) => {
      const error = await updateElement(id, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    };
    const noName = await fails(a.id, { name: "", elementId: "1001" });
    expect(noName.fieldErrors?.name?.map(en)).toEqual(["Give the element a name."]);
    expect(noName.fieldErrors?.name?.map(ko)).toEqual(["요소 이름을 입력하세요."]);
    const badId = await fails(a.id, { name: "Owl", elementId: "12x" });
    expect(en(badId.fieldErrors?.elementId?.[0] ?? "")).toMatch(/whole number Kling gave/);
    const clash = await fails(a.id, { name: "Owl", elementId: "1002" });
    expect(clash.code).toBe("conflict");
    expect(clash.fieldErrors?.elementId?.map(en)).toEqual([
      "This element id is already in the library.",
    ]);
    expect(en(clash.message)).toBe("Element 1002 is already in the library as “Fox”.");
    expect(ko(clash.message)).toBe("요소 1002는 이미 라이브러리에 “Fox”(으)로 있습니다.");
    expect((await fails("el_missing", { name: "X", elementId: "9" })).code).toBe("not_found");
  });
});
