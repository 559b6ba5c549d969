import { accessSync, constants, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { StewardError } from '../errors/index.js';

/** Temporary files are `.<name>.<pid>.steward-tmp` beside their target: a later run knows its own leftovers. */
const TEMP_SUFFIX = '.steward-tmp';

/**
 * Writes files so that a reader never sees half a file: each is written to a temporary file in
 * the same folder and renamed over the target. Every target is checked before the first write
 * (a directory in its place, a read-only folder), and all temporaries are written before any
 * rename, so a failure leaves every target untouched. Temporaries left by a killed run (its
 * process is gone) are removed.
 */
export function writeFilesAtomic(files: { path: string; text: string }[], cwd = process.cwd()): void {
  assertWritable(
    files.map((f) => f.path),
    cwd,
  );
  const temps: { temp: string; path: string }[] = [];
  let current = '';
  try {
    for (const f of files) {
      current = f.path;
      mkdirSync(dirname(f.path), { recursive: true });
      removeStaleTemporaries(f.path);
      const temp = temporaryPath(f.path);
      writeFileSync(temp, f.text);
      temps.push({ temp, path: f.path });
    }
    for (const t of temps) {
      current = t.path;
      renameSync(t.temp, t.path);
    }
  } catch (error) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw unwritable(current, cwd, error);
  }
}

/**
 * Refuses, before anything is written, a target that is a directory or whose folder (or the
 * nearest existing ancestor, when folders are still to be created) is not a writable directory.
 */
export function assertWritable(paths: readonly string[], cwd = process.cwd()): void {
  for (const path of paths) {
    const stat = statOrUndefined(path);
    if (stat?.isDirectory())
      throw new StewardError('FILE_UNWRITABLE', `Cannot write ${shown(path, cwd)}: it is a directory`, { location: { file: shown(path, cwd) } });
    let folder = dirname(path);
    let folderStat = statOrUndefined(folder);
    while (folderStat === undefined && dirname(folder) !== folder) {
      folder = dirname(folder);
      folderStat = statOrUndefined(folder);
    }
    if (folderStat && !folderStat.isDirectory()) {
      throw new StewardError('FILE_UNWRITABLE', `Cannot write ${shown(path, cwd)}: ${shown(folder, cwd)} is not a directory`, {
        location: { file: shown(path, cwd) },
      });
    }
    try {
      accessSync(folder, constants.W_OK | constants.X_OK);
    } catch {
      throw new StewardError('FILE_UNWRITABLE', `Cannot write ${shown(path, cwd)}: the folder ${shown(folder, cwd)} is not writable`, {
        location: { file: shown(path, cwd) },
      });
    }
  }
}

/** Any write failure as a coded error with the path (exit 2), never a stack trace. */
export function unwritable(path: string, cwd: string, error: unknown): StewardError {
  if (error instanceof StewardError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  return new StewardError('FILE_UNWRITABLE', `Cannot write ${shown(path, cwd)}${code ? ` (${code})` : ''}`, {
    location: { file: shown(path, cwd) },
    cause: error,
  });
}

/** This process's temporary file for `target`: `.<name>.<pid>.steward-tmp<extension>` beside it. */
export function temporaryPath(target: string, extension = ''): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}${TEMP_SUFFIX}${extension}`);
}

/** Removes the temporaries of `target` whose process is gone (a run killed inside its write window). */
export function removeStaleTemporaries(target: string, extension = ''): void {
  const prefix = `.${basename(target)}.`;
  const suffix = TEMP_SUFFIX + extension;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(suffix)) continue;
    const pid = Number(name.slice(prefix.length, -suffix.length));
    if (Number.isInteger(pid) && pid > 0 && !processAlive(pid)) rmSync(join(dirname(target), name), { force: true });
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return false; // a leftover of an earlier process that had this pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
