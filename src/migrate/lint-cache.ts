/**
 * Migration lint's findings kept between runs (`<cache>/migrate-lint/<env>.json`). A migration's
 * findings depend only on its script, the history before it and the rules, so they are kept by
 * the key of the history state after it (history-scratch.ts: it hashes every script up to and
 * including this one) under a fingerprint of the rules. A second `check` on an unchanged history
 * opens no database at all; after a new migration, only that one is replayed and linted.
 * Acknowledgements are applied after the cache, so changing one needs no new lint.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { splitStatements } from '../engine/sql-statements.js';
import { defaultCacheDir, makeCacheFolder, type PgliteCacheOptions } from '../engine/pglite-cache.js';
import { packageUrl } from '../package-files.js';
import type { MigrationHit } from './lint/lint-migration.js';
import { MIGRATION_RULES } from './lint/rules.js';
import { identifierAfter } from './lint/statements.js';
import { lockedExistingTable, statementLocks } from './lint/locks.js';
import { widensInPlace } from './lint/rules/change-column-type.js';

let fingerprint: Promise<string> | undefined;

/** steward's version and the rules' own code: a changed rule (even unreleased) lints again. */
function rulesFingerprint(): Promise<string> {
  fingerprint ??= readFile(packageUrl('package.json'), 'utf8').then((text) => {
    const hash = createHash('sha256').update((JSON.parse(text) as { version: string }).version);
    for (const rule of MIGRATION_RULES)
      hash.update(`\0${rule.code}\0${rule.severity}\0${String(rule.check)}\0${String((rule as { readsBefore?: unknown }).readsBefore ?? '')}`);
    hash
      .update(String(splitStatements))
      .update(String(identifierAfter))
      .update(String(statementLocks))
      .update(String(lockedExistingTable))
      .update(String(widensInPlace));
    return hash.digest('hex').slice(0, 24);
  });
  return fingerprint;
}

function cacheFile(cache: PgliteCacheOptions, env: string): string {
  return path.join(cache.cacheDir ?? defaultCacheDir(), 'migrate-lint', `${env}.json`);
}

interface LintCacheFile {
  fingerprint: string;
  hits: Record<string, MigrationHit[]>;
}

/** The kept findings by state key; empty when there are none or the rules changed. */
export async function readLintCache(cache: PgliteCacheOptions, env: string): Promise<Map<string, MigrationHit[]>> {
  const [text, current] = await Promise.all([readFile(cacheFile(cache, env), 'utf8').catch(() => null), rulesFingerprint()]);
  if (text === null) return new Map();
  try {
    const file = JSON.parse(text) as LintCacheFile;
    return file.fingerprint === current && typeof file.hits === 'object' ? new Map(Object.entries(file.hits)) : new Map();
  } catch {
    return new Map(); // a damaged cache is a cold one
  }
}

/** Keeps these findings (the judged part of the current history only), written atomically. */
export async function writeLintCache(cache: PgliteCacheOptions, env: string, hits: ReadonlyMap<string, MigrationHit[]>): Promise<void> {
  const file = cacheFile(cache, env);
  await makeCacheFolder(file, cache);
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, JSON.stringify({ fingerprint: await rulesFingerprint(), hits: Object.fromEntries(hits) } satisfies LintCacheFile));
  await rename(temporary, file);
}
