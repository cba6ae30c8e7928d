// Benchmarks start servers and browsers in their own process groups (`detached: true`) so
// that ending one ends all it started (npm, its shell, node, Chromium).

/** SIGTERM to the group `pid` leads (npm, its shell, the server), SIGKILL if still there after 10 s. */
export async function endProcessGroup(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {}
  };
  signal("SIGTERM");
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) signal("SIGKILL");
}
