/**
 * The token each reference id stands for right now. A chip's getTextContent() must give
 * its token (so copying yields tokens), but a node cannot see the reference list; the
 * editor keeps this map current. Reference ids are unique, so one map serves every editor.
 */
const tokens = new Map<string, string>();

export function setChipTokens(next: ReadonlyMap<string, string>): void {
  for (const [id, token] of next) tokens.set(id, token);
}

export function chipToken(refId: string): string {
  return tokens.get(refId) ?? "";
}
