import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/**
 * Writes files so that a reader never sees half a file: each is written to a temporary file in
 * the same folder and renamed over the target. All temporaries are written before any rename,
 * so a failure while writing leaves every target untouched.
 */
export function writeFilesAtomic(files: { path: string; text: string }[]): void {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const temp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      writeFileSync(temp, f.text);
      temps.push({ temp, path: f.path });
    }
  } catch (error) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw error;
  }
  for (const t of temps) renameSync(t.temp, t.path);
}
