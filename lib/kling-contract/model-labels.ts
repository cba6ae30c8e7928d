/**
 * The models' names as people read them (the same in every language: they are product
 * names). Apart from models.ts because the gallery's cards need only these, and the gallery
 * counts its first-load bytes; models.ts re-exports them beside the rest of the contract.
 */
export const MODEL_LABELS = {
  "kling-video-o1": "Kling O1",
  "kling-v3-omni": "Kling 3.0 Omni",
} as const;
