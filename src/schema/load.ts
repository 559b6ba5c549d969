import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { StewardError } from '../errors/index.js';
import type { Schema, SourceFile } from './model.js';
import { parseSchema } from './parse.js';

/**
 * Reads a schema from disk: one `.prisma` file, or a folder whose `.prisma` files (recursively,
 * sorted by path) form one multi-file schema. Paths in the model are relative to `cwd`.
 */
export function readSchemaFiles(path: string, cwd = process.cwd()): SourceFile[] {
  const absolute = resolve(cwd, path);
  let stat;
  try {
    stat = statSync(absolute);
  } catch {
    throw new StewardError('FILE_NOT_FOUND', `Schema not found: ${displayPath(absolute, cwd)}`, { location: { file: displayPath(absolute, cwd) } });
  }
  const paths = stat.isDirectory() ? listPrismaFiles(absolute) : [absolute];
  if (paths.length === 0) {
    throw new StewardError('FILE_NOT_FOUND', `No .prisma files in ${displayPath(absolute, cwd)}`, { location: { file: displayPath(absolute, cwd) } });
  }
  return paths.map((p) => {
    try {
      return { path: displayPath(p, cwd), text: readFileSync(p, 'utf8') };
    } catch (error) {
      throw new StewardError('FILE_UNREADABLE', `Cannot read ${displayPath(p, cwd)}: ${(error as Error).message}`, { location: { file: displayPath(p, cwd) } });
    }
  });
}

export function loadSchema(path: string, cwd = process.cwd()): Schema {
  return parseSchema(readSchemaFiles(path, cwd));
}

function listPrismaFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'migrations') continue;
        walk(p);
      } else if (entry.name.endsWith('.prisma')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Path shown to users: relative to cwd when inside it. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !rel.startsWith('/') ? rel : absolute;
}
