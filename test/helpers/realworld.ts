/**
 * The seven real applications in ../shared/realworld (read-only test data: copy before writing).
 * Absent in a user's clone: tests skip. With CI=true a missing folder is a failure, so CI never
 * passes by skipping.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './corpus.js';

/** ../shared/realworld beside the clone, or STEWARD_REALWORLD; undefined when absent (throws when CI=true). */
export function realworldDir(): string | undefined {
  const candidates = [process.env.STEWARD_REALWORLD, join(repoRoot, '..', 'shared', 'realworld')].filter((c): c is string => !!c);
  const found = candidates.find((c) => existsSync(c) && statSync(c).isDirectory());
  if (!found && process.env.CI === 'true')
    throw new Error(`../shared/realworld is missing (looked in ${candidates.join(', ')}) and CI=true: these tests must run in CI`);
  return found;
}

export interface RealworldApp {
  name: string;
  /** The master schema (a file or a folder), relative to the app's root. */
  master: string;
  /** The migrations folder, relative to the app's root (INDEX.tsv). */
  migrations: string;
}

/** Each app's master schema and history, as INDEX.tsv lists them (its schema column is truncated, so spelled out here). */
export const REALWORLD_APPS: readonly RealworldApp[] = [
  { name: 'documenso', master: 'packages/prisma/schema.prisma', migrations: 'packages/prisma/migrations' },
  { name: 'formbricks', master: 'packages/database/schema', migrations: 'packages/database/migration' },
  { name: 'ghostfolio', master: 'prisma/schema.prisma', migrations: 'prisma/migrations' },
  { name: 'hoppscotch', master: 'packages/hoppscotch-backend/prisma/schema.prisma', migrations: 'packages/hoppscotch-backend/prisma/migrations' },
  { name: 'papermark', master: 'prisma/schema', migrations: 'prisma/migrations' },
  { name: 'rallly', master: 'packages/database/prisma', migrations: 'packages/database/prisma/migrations' },
  { name: 'umami', master: 'prisma/schema.prisma', migrations: 'prisma/migrations' },
];

/** ../shared/realworld-history beside the clone, or STEWARD_REALWORLD_HISTORY; undefined when absent (throws when CI=true). */
export function realworldHistoryDir(): string | undefined {
  const candidates = [process.env.STEWARD_REALWORLD_HISTORY, join(repoRoot, '..', 'shared', 'realworld-history')].filter((c): c is string => !!c);
  const found = candidates.find((c) => existsSync(c) && statSync(c).isDirectory());
  if (!found && process.env.CI === 'true')
    throw new Error(`../shared/realworld-history is missing (looked in ${candidates.join(', ')}) and CI=true: these tests must run in CI`);
  return found;
}
