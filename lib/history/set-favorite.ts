import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function setFavorite(id: string, favorite: boolean): Promise<{ favorite: boolean }> {
  const result = await getDb().generation.updateMany({ where: { id }, data: { favorite } });
  if (result.count === 0) throw new AppError("not_found", "There is no such generation.");
  return { favorite };
}
