import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface WatchOptions {
  /** Quiet time after the last event before `onChange` runs (editors write in bursts). */
  debounceMs?: number;
  signal?: AbortSignal;
}

/**
 * Calls `onChange` after a `.prisma` file of the master (a file, or a folder of them) changes.
 * Watches the containing folder, so editors that save by writing a new file and renaming it
 * over the old one are seen. Runs never overlap: a change during a run triggers one more run.
 * Resolves when the signal aborts.
 */
export function watchMaster(master: string, onChange: (files: string[]) => Promise<void> | void, options: WatchOptions = {}): Promise<void> {
  const debounce = options.debounceMs ?? 120;
  const folder = existsSync(master) && statSync(master).isDirectory();
  const dir = folder ? master : dirname(master);
  const name = basename(master);
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let watcher: FSWatcher;

  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const files = [...pending];
    pending.clear();
    try {
      await onChange(files);
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), debounce);
  };
  return new Promise((resolveDone) => {
    watcher = watch(dir, { recursive: folder }, (_event, file) => {
      if (!file) return;
      const f = file.toString();
      const relevant = folder ? f.endsWith('.prisma') && !f.split(/[\\/]/).includes('migrations') : basename(f) === name;
      if (!relevant) return;
      pending.add(join(dir, f));
      schedule();
    });
    const stop = () => {
      if (timer) clearTimeout(timer);
      watcher.close();
      resolveDone();
    };
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });
  });
}
