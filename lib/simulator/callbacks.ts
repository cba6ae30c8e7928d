/**
 * §5: POST the bare task object on a status change. Best effort like the real thing: no
 * retry, no signature, and a failing receiver never affects the task.
 */
export function sendCallback(url: string, payload: unknown): void {
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(5000),
  })
    .then((response) => response.body?.cancel())
    .catch(() => undefined);
}
