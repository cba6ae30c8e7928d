import "server-only";
import { localMessage } from "@/i18n/local-message";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { mediaUrl } from "@/lib/storage/media-url";
import { findUploadsByIds } from "@/lib/uploads/find-uploads";
import { type ElementView, elementInputSchema, fieldErrorsOf } from "./element-schema";

type ElementRow = {
  id: string;
  name: string;
  elementId: string;
  description: string | null;
  thumbnailPath: string | null;
  tag: string | null;
  source: string;
};

export function toElementView(row: ElementRow): ElementView {
  return {
    id: row.id,
    name: row.name,
    elementId: row.elementId,
    description: row.description ?? undefined,
    thumbnailUrl: row.thumbnailPath ? mediaUrl(row.thumbnailPath) : undefined,
    tag: row.tag ?? undefined,
    source: row.source,
  };
}

export async function listElements(): Promise<ElementView[]> {
  const rows = await getDb().element.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map(toElementView);
}

/** Library rows for these Kling element ids, keyed by element id. */
export async function findElementsByElementIds(
  ids: readonly string[],
): Promise<Map<string, ElementRow>> {
  const unique = [...new Set(ids)].filter((id) => /^\d{1,19}$/.test(id));
  if (unique.length === 0) return new Map();
  const rows = await getDb().element.findMany({ where: { elementId: { in: unique } } });
  return new Map(rows.map((row) => [row.elementId, row]));
}

export async function addElement(input: unknown): Promise<ElementView> {
  const data = await parseElement(input);
  await assertUnique(data.elementId);
  return toElementView(await getDb().element.create({ data: { id: newId("el"), ...data } }));
}

export async function updateElement(id: unknown, input: unknown): Promise<ElementView> {
  const existing =
    typeof id === "string" ? await getDb().element.findUnique({ where: { id } }) : null;
  if (!existing) throw new AppError("not_found", localMessage("elementRules.notInLibrary"));
  const { thumbnailPath, ...data } = await parseElement(input);
  await assertUnique(data.elementId, existing.id);
  return toElementView(
    await getDb().element.update({
      where: { id: existing.id },
      // Editing the name or description keeps the thumbnail unless a new one is given.
      data: thumbnailPath ? { ...data, thumbnailPath } : data,
    }),
  );
}

/** `id` is checked by the action's schema (an `el_` id), so it is never a query object. */
export async function deleteElement(id: string): Promise<void> {
  const result = await getDb().element.deleteMany({ where: { id } });
  if (result.count === 0)
    throw new AppError("not_found", localMessage("elementRules.notInLibrary"));
}

async function parseElement(input: unknown) {
  const parsed = elementInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("invalid_input", localMessage("elementRules.needsFixingSave"), {
      fieldErrors: fieldErrorsOf(parsed.error.issues),
    });
  }
  const { name, elementId, description, thumbnailUploadId } = parsed.data;
  let thumbnailPath: string | null = null;
  if (thumbnailUploadId) {
    const upload = (await findUploadsByIds([thumbnailUploadId])).get(thumbnailUploadId);
    if (upload?.kind !== "image") {
      const message = localMessage("elementRules.thumbnailUnknown");
      throw new AppError("invalid_input", message, {
        fieldErrors: { thumbnailUploadId: [message] },
      });
    }
    thumbnailPath = upload.mediaPath;
  }
  return {
    name,
    elementId: BigInt(elementId).toString(),
    description: description ?? null,
    thumbnailPath,
  };
}

async function assertUnique(elementId: string, exceptId?: string): Promise<void> {
  const clash = await getDb().element.findUnique({ where: { elementId } });
  if (clash && clash.id !== exceptId) {
    throw new AppError(
      "conflict",
      localMessage("elementRules.alreadyInLibrary", { elementId, name: clash.name }),
      { fieldErrors: { elementId: [localMessage("elementRules.idAlreadyInLibrary")] } },
    );
  }
}
