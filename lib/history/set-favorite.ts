import "server-only";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { writeFavorite } from "@/lib/generations/generation-repository";

export async function setFavorite(id: string, favorite: boolean): Promise<{ favorite: boolean }> {
  if (!(await writeFavorite(id, favorite))) {
    throw new AppError("not_found", localMessage("galleryErrors.noSuchGeneration"));
  }
  return { favorite };
}
