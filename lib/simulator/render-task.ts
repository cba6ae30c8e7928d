import "server-only";
import { access, copyFile, rename } from "node:fs/promises";
import { probeVideo } from "@/lib/media/probe-video";
import { renderTextVideo } from "@/lib/media/render-text-video";
import { outputSizeFor } from "@/lib/media/video-size";
import { aspectOfImage, localPicture, probeBaseVideo } from "./reference-media";
import { addTone, renderShots } from "./render-shots";
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
    // One render and one probe for all tasks: a benchmark's simulator then spends almost no
    // CPU per task, so it does not compete with the studio it measures.
    const shared = store.videoPath("_reused.mp4");
    let render = sharedRenders.get(shared);
    if (!render) {
      render = renderVideo(task, shared, settings).then(() => probeVideo(shared));
      sharedRenders.set(shared, render);
    }
    const { durationSeconds } = await render;
    const temp = `${outPath}.${process.pid}.copy`;
    await copyFile(shared, temp);
    await rename(temp, outPath);
    return { fileName, durationSeconds, renderedAt: Date.now() };
  }
  if (!(await exists(outPath))) await renderVideo(task, outPath, settings);
  const probe = await probeVideo(outPath);
  return { fileName, durationSeconds: probe.durationSeconds, renderedAt: Date.now() };
}

/** Per data folder, so two simulators in one process never share a file path. */
const sharedRenders = new Map<string, Promise<{ durationSeconds: number }>>();

async function renderVideo(
  task: SimTask,
  outPath: string,
  settings: { publicBaseUrl: string; renderScale: number },
): Promise<void> {
  {
    const image = await localPicture(task.backgroundImage, settings.publicBaseUrl);
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
      const frame = {
        width: size.width * settings.renderScale,
        height: size.height * settings.renderScale,
        image: image?.path,
      };
      if (task.shots?.length) await renderShots(outPath, task.shots, frame, settings.publicBaseUrl);
      else {
        await renderTextVideo({
          outPath,
          text: task.prompt,
          ...frame,
          durationSeconds,
          images: frame.image ? [frame.image] : undefined,
        });
      }
      if (task.sound) await addTone(outPath, durationSeconds);
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
