import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../src/schema/model.js';
import { REALWORLD_APPS, realworldDir } from './realworld.js';

/** The repository root (tests run from dist/test/...). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** ../shared/corpus beside the clone, or STEWARD_CORPUS. Undefined when absent: tests skip. */
export function corpusDir(): string | undefined {
  const candidates = [process.env.STEWARD_CORPUS, join(repoRoot, '..', 'shared', 'corpus')].filter((c): c is string => !!c);
  return candidates.find((c) => existsSync(c) && statSync(c).isDirectory());
}

/**
 * The `skip` option of a test over the corpus: a reason when it is absent, except under
 * CI=true, where the test runs and `assertCorpusPresent` fails it.
 */
export function corpusSkip(): string | false {
  return corpusDir() || process.env.CI === 'true' ? false : 'no ../shared/corpus';
}

export function assertCorpusPresent(): string {
  const dir = corpusDir();
  if (!dir) throw new Error('../shared/corpus is missing: CI=true needs it (or set STEWARD_CORPUS)');
  return dir;
}

export interface CorpusEntry {
  name: string;
  files: SourceFile[];
}

/** Every corpus schema: a .prisma file, or a folder of them (multi-file schema). */
export function corpusEntries(): CorpusEntry[] {
  const dir = corpusDir();
  if (!dir) return [];
  const out: CorpusEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      const files = walk(p).map((f) => ({ path: relative(dir, f), text: readFileSync(f, 'utf8') }));
      if (files.length > 0) out.push({ name, files });
    } else if (name.endsWith('.prisma')) {
      out.push({ name, files: [{ path: name, text: readFileSync(p, 'utf8') }] });
    }
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : n.endsWith('.prisma') ? [p] : [];
    });
}

/** Each real-world app's Prisma schema files: one file, or every file of a multi-file schema folder. */
export function realworldSchemas(): CorpusEntry[] {
  const dir = realworldDir();
  if (!dir) return [];
  return REALWORLD_APPS.map((app) => {
    const root = join(dir, app.name);
    const master = join(root, app.master);
    const paths = statSync(master).isDirectory() ? walk(master) : [master];
    return { name: app.name, files: paths.map((file) => ({ path: relative(root, file), text: readFileSync(file, 'utf8') })) };
  });
}
