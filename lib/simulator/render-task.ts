import "server-only";
import { access, copyFile, rename } from "node:fs/promises";
import { probeVideo } from "@/lib/media/probe-video";
import { renderTextVideo } from "@/lib/media/render-text-video";
import { outputSizeFor } from "@/lib/media/video-size";
import { aspectOfImage, fetchBackgroundImage, probeBaseVideo } from "./reference-media";
import type { TaskStore } from "./task-store";
import type { SimTask } from "./types";

/**
 * Renders the task's result MP4 (or adopts one a killed process already renamed into
 * place) and returns what the task records about it.
 */
export async function renderTaskVideo(
  task: SimTask,
  store: TaskStore,
  settings: { publicBaseUrl: string; renderScale: number; reuseRender?: boolean | undefined },
): Promise<NonNullable<SimTask["video"]>> {
  const fileName = `${task.taskId}.mp4`;
  const outPath = store.videoPath(fileName);
  if (settings.reuseRender && !(await exists(outPath))) {
    const shared = store.videoPath("_reused.mp4");
    sharedRender ??= renderVideo(task, shared, settings);
    await sharedRender;
    const temp = `${outPath}.${process.pid}.copy`;
    await copyFile(shared, temp);
    await rename(temp, outPath);
  }
  if (!(await exists(outPath))) await renderVideo(task, outPath, settings);
  const probe = await probeVideo(outPath);
  return { fileName, durationSeconds: probe.durationSeconds, renderedAt: Date.now() };
}

let sharedRender: Promise<void> | undefined;

async function renderVideo(
  task: SimTask,
  outPath: string,
  settings: { publicBaseUrl: string; renderScale: number },
): Promise<void> {
  {
    const image = await fetchBackgroundImage(task, settings.publicBaseUrl);
    try {
      const base = await probeBaseVideo(task, settings.publicBaseUrl);
      const aspect =
        task.aspectRatio ??
        base?.aspect ??
        (image ? await aspectOfImage(image.path) : undefined) ??
        "16:9";
      // Pro renders at the std frame: a 1080p render costs several seconds of CPU for a
      // picture of a prompt, and nothing downstream depends on the pixel count.
      const size = outputSizeFor("std", aspect);
      const durationSeconds = base
        ? Math.min(10, Math.max(3, Math.round(base.durationSeconds * 10) / 10))
        : task.durationSeconds;
      await renderTextVideo({
        outPath,
        text: task.prompt,
        width: size.width * settings.renderScale,
        height: size.height * settings.renderScale,
        durationSeconds,
        images: image ? [image.path] : undefined,
      });
    } finally {
      await image?.cleanup();
    }
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await access(filePath);
    return true;
  } catch {
    return false;
  }
}
