import os from "node:os";

/**
 * What a message for people must not carry: a stack trace, a path on the server, or the
 * names of the code behind it. Paths are found by shape (any absolute Unix or Windows path)
 * and, to be sure, by this machine's own folders, whatever they are called here: the
 * checkout, the temp and home folders, and any the caller adds (MEDIA_DIR, a database file).
 * Returns what was found; [] when the message is clean.
 */
export function internalsIn(message: string, extraPaths: string[] = []): string[] {
  const found: string[] = [];
  if (/\n\s+at /.test(message)) found.push("a stack trace");
  const unixPath = /(?:^|[\s"'(=,:[])(\/(?:[\w.@+-]+\/)+[\w.@+-]*)/.exec(message);
  if (unixPath) found.push(`an absolute path (${unixPath[1]})`);
  const windowsPath = /\b[A-Za-z]:\\[^\s"']+/.exec(message);
  if (windowsPath) found.push(`an absolute path (${windowsPath[0]})`);
  for (const dir of [process.cwd(), os.tmpdir(), os.homedir(), ...extraPaths]) {
    if (dir.length > 1 && message.includes(dir)) found.push(`the server folder ${dir}`);
  }
  const code = /node_modules|prisma/i.exec(message);
  if (code) found.push(`a name of the code behind it (${code[0]})`);
  return found;
}
