/** A fleet file (`--urls-file`, `environments.<env>.fleet`): one database URL per line; blank lines and `#` comments ignored. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StewardError } from '../errors/index.js';

export async function readFleetFile(file: string, cwd: string, what = '--urls-file'): Promise<string[]> {
  const absolute = path.resolve(cwd, file);
  const text = await readFile(absolute, 'utf8').catch(() => {
    throw new StewardError('FILE_NOT_FOUND', `Cannot read ${what} ${path.relative(cwd, absolute) || absolute}`, {
      location: { file: path.relative(cwd, absolute) || absolute },
    });
  });
  return parseFleetFile(text);
}

export function parseFleetFile(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
