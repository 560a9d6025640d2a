import path from 'node:path';
import { watch } from 'chokidar';

export interface InputWatcher {
  /** Resolves once the files are being watched. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Files editors' tools write beside the one being edited: swap files, backups, Vim's write test. */
function isScratch(file: string): boolean {
  const name = path.basename(file);
  return /^\.|~$|\.sw[a-p]$|^4913$|^#.*#$/.test(name);
}

/**
 * Watches `paths` (files or folders) and calls `changed` once a burst of
 * changes has been quiet for `quietMs`: an editor's save (often a write to a
 * new file and a rename over the old) or a save-all of several files makes
 * one rebuild.
 */
export function watchInputs(paths: readonly string[], options: { changed: () => void; quietMs: number }): InputWatcher {
  const watcher = watch([...paths], { ignoreInitial: true, ignored: isScratch });
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(options.changed, options.quietMs);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
