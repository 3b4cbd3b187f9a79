import { readFileSync } from 'node:fs';

/**
 * `npm start` runs npm → sh → tsx → this script. A SIGTERM sent to npm reaches `sh`, which dies without passing it
 * on, and everything below would keep running. So we watch the launchers above us: when one of them is gone (or
 * has been re-parented because its own parent is gone), `onGone` is called once. Linux only (/proc); elsewhere it
 * does nothing.
 */

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined; // the process is gone
  }
}

/** Our ancestors, nearest first, with each one's parent at the time: [pid, ppid] pairs, up to `depth`. */
function ancestry(depth: number): [number, number][] {
  const chain: [number, number][] = [];
  let pid = process.ppid;
  while (chain.length < depth && pid > 1) {
    const parent = parentOf(pid);
    if (parent === undefined) break;
    chain.push([pid, parent]);
    pid = parent;
  }
  return chain;
}

export function watchLaunchers(onGone: (why: string) => void, options: { depth?: number; intervalMs?: number } = {}) {
  if (process.platform !== 'linux') return () => undefined;
  const watched = ancestry(options.depth ?? 3);
  const timer = setInterval(() => {
    if (process.ppid !== watched[0]?.[0] && watched.length > 0) {
      clearInterval(timer);
      onGone(`the process that started this one (pid ${watched[0]?.[0]}) has gone`);
      return;
    }
    for (const [pid, parent] of watched) {
      if (parentOf(pid) !== parent) {
        clearInterval(timer);
        onGone(`a launcher above this process (pid ${pid}) has gone`);
        return;
      }
    }
  }, options.intervalMs ?? 1_000);
  timer.unref();
  return () => clearInterval(timer);
}
