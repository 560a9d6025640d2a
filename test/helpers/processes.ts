/** The processes a command started, from /proc (Linux): to measure them, or to prove they are gone. */
import { readdir, readFile } from 'node:fs/promises';

/** `root` and every process below it, each with its command line. */
export async function descendants(root: number): Promise<number[]> {
  return (await processTree(root)).map((p) => p.pid);
}

export async function processTree(root: number): Promise<{ pid: number; command: string }[]> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid …; comm may hold spaces, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parents.set(Number(name), ppid);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return Promise.all(tree.map(async (pid) => ({ pid, command: (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ') })));
}

/** Running, and not a zombie waiting to be reaped. */
export async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat !== undefined && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}
