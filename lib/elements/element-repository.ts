import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { mediaUrl } from "@/lib/storage/media-url";
import { findUploadsByIds } from "@/lib/uploads/find-uploads";
import { type ElementView, elementInputSchema } from "./element-schema";

type ElementRow = {
  id: string;
  name: string;
  elementId: string;
  description: string | null;
  thumbnailPath: string | null;
};

export function toElementView(row: ElementRow): ElementView {
  return {
    id: row.id,
    name: row.name,
    elementId: row.elementId,
    description: row.description ?? undefined,
    thumbnailUrl: row.thumbnailPath ? mediaUrl(row.thumbnailPath) : undefined,
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
  if (!existing) throw new AppError("not_found", "That element is not in the library any more.");
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

export async function deleteElement(id: unknown): Promise<void> {
  if (typeof id !== "string") throw new AppError("invalid_input", "Unknown element.");
  const result = await getDb().element.deleteMany({ where: { id } });
  if (result.count === 0)
    throw new AppError("not_found", "That element is not in the library any more.");
}

async function parseElement(input: unknown) {
  const parsed = elementInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
    }
    throw new AppError("invalid_input", "The element needs fixing before it is saved.", {
      fieldErrors,
    });
  }
  const { name, elementId, description, thumbnailUploadId } = parsed.data;
  let thumbnailPath: string | null = null;
  if (thumbnailUploadId) {
    const upload = (await findUploadsByIds([thumbnailUploadId])).get(thumbnailUploadId);
    if (upload?.kind !== "image") {
      throw new AppError("invalid_input", "The thumbnail upload is unknown.", {
        fieldErrors: { thumbnailUploadId: ["Upload the thumbnail again."] },
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
      `Element ${elementId} is already in the library as "${clash.name}".`,
      {
        fieldErrors: { elementId: ["This element id is already in the library."] },
      },
    );
  }
}
