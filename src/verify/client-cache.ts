/**
 * Generated clients are cached by content hash: the same schema text with the same Prisma
 * version is generated once. The cache lives in steward's own `node_modules/.cache` so that
 * `@prisma/client/runtime` resolves from the generated files (for both Node and TypeScript).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../package-files.js';

/** The prisma-steward package root. */
export function stewardRoot(): string {
  return packageRoot();
}

export function clientCacheDir(): string {
  return process.env.STEWARD_CLIENT_CACHE ?? path.join(stewardRoot(), 'node_modules', '.cache', 'prisma-steward', 'clients');
}

let prismaVersion: string | undefined;

export function prismaCliVersion(): string {
  if (prismaVersion === undefined) {
    const file = fileURLToPath(import.meta.resolve('prisma/package.json'));
    prismaVersion = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return prismaVersion;
}

/** The `prisma` CLI's entry file (its package.json is not exported, its bin is). */
export function prismaCliEntry(): string {
  return fileURLToPath(import.meta.resolve('prisma/build/index.js'));
}

/** Bumped when the way steward lays out a generated client changes. */
const LAYOUT_VERSION = '1';

export function clientHash(schemaText: string): string {
  return createHash('sha256').update(`${LAYOUT_VERSION}\0${prismaCliVersion()}\0${schemaText}`).digest('hex').slice(0, 24);
}
