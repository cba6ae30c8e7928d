/**
 * Per-generation stage timestamps (callback, claimed, queried, downloaded, probed, postered,
 * released) for the pipeline benchmark and WORKER_STAGE_LOG. A no-op unless a recorder is
 * installed, so production pays one property read per stage.
 */
export type StageRecorder = (generationId: string, stage: string, at: number) => void;

const holder = globalThis as unknown as { omniStageRecorder?: StageRecorder };

export function setStageRecorder(recorder: StageRecorder | undefined): void {
  holder.omniStageRecorder = recorder;
}

export function markStage(generationId: string, stage: string): void {
  holder.omniStageRecorder?.(generationId, stage, Date.now());
}
