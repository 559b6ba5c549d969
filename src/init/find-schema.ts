import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { StewardError } from '../errors/index.js';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.steward', '.turbo', '.cache', 'vendor']);

export interface FoundSchema {
  /** Absolute path of the schema file, or of the folder of a multi-file schema. */
  path: string;
  folder: boolean;
  /** How it was found, for the user. */
  via: string;
}

/**
 * Finds the Prisma schema of an existing project the way Prisma does: package.json
 * `prisma.schema`, prisma.config.ts `schema`, then prisma/schema.prisma, schema.prisma, a
 * prisma/schema folder, then the only schema.prisma anywhere below (outside node_modules).
 */
export function findPrismaSchema(cwd: string): FoundSchema {
  const pkg = join(cwd, 'package.json');
  if (existsSync(pkg)) {
    try {
      const declared = (JSON.parse(readFileSync(pkg, 'utf8')) as { prisma?: { schema?: unknown } }).prisma?.schema;
      if (typeof declared === 'string' && existsSync(resolve(cwd, declared))) return found(resolve(cwd, declared), 'package.json "prisma.schema"');
    } catch {
      // An unreadable package.json is reported when init updates its scripts.
    }
  }
  for (const name of ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js']) {
    const file = join(cwd, name);
    if (!existsSync(file)) continue;
    const m = /\bschema\s*:\s*['"`]([^'"`]+)['"`]/.exec(readFileSync(file, 'utf8'));
    if (m && existsSync(resolve(cwd, m[1]))) return found(resolve(cwd, m[1]), `${name} "schema"`);
  }
  for (const candidate of ['prisma/schema.prisma', 'schema.prisma', 'prisma/schema']) {
    const p = join(cwd, candidate);
    if (existsSync(p) && (statSync(p).isFile() || hasPrismaFiles(p))) return found(p, candidate);
  }
  const hits: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 6 || hits.length > 5) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), depth + 1);
      } else if (e.name === 'schema.prisma') hits.push(join(dir, e.name));
    }
  };
  walk(cwd, 0);
  if (hits.length === 1) return found(hits[0], 'search');
  if (hits.length > 1) {
    throw new StewardError('USAGE', 'Several schema.prisma files found; run `steward init` in the folder of the project to adopt', { details: hits.map((h) => relative(cwd, h)) });
  }
  throw new StewardError('FILE_NOT_FOUND', `No Prisma schema found under ${cwd}`, {
    hint: 'Expected prisma/schema.prisma, schema.prisma, a prisma/schema folder, or "prisma.schema" in package.json.',
  });
}

function found(path: string, via: string): FoundSchema {
  return { path, folder: statSync(path).isDirectory(), via };
}

function hasPrismaFiles(dir: string): boolean {
  return statSync(dir).isDirectory() && readdirSync(dir).some((n) => n.endsWith('.prisma'));
}
