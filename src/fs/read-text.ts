import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { StewardError } from '../errors/index.js';

/**
 * A text file that may not exist yet (a generated output, the changelog): undefined when it is
 * missing; a directory or an unreadable file in its place is a coded error with the path.
 */
export function readTextIfExists(path: string, cwd = process.cwd()): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw unreadable(path, cwd, error);
  }
}

/** A text file that must exist. */
export function readText(path: string, cwd = process.cwd()): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, cwd, error);
  }
}

function unreadable(path: string, cwd: string, error: unknown): StewardError {
  const code = (error as NodeJS.ErrnoException).code;
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith('..') ? rel : path;
  const why =
    code === 'EISDIR'
      ? 'it is a directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOENT'
          ? 'it does not exist'
          : code === 'ELOOP'
            ? 'a symbolic link loop'
            : (code ?? String(error));
  return new StewardError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', `Cannot read ${shown}: ${why}`, {
    location: { file: shown },
    cause: error,
  });
}
