/**
 * A zip streamed to the browser's own download manager under `fileName`: nothing is
 * buffered, and nothing on the way keeps a copy (the archives hold private results).
 */
export function zipAttachmentResponse(
  stream: ReadableStream<Uint8Array>,
  fileName: string,
): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
