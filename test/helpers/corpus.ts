import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../src/schema/model.js';

/** The repository root (tests run from dist/test/...). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** ../shared/corpus beside the clone, or STEWARD_CORPUS. Undefined when absent: tests skip. */
export function corpusDir(): string | undefined {
  const candidates = [process.env.STEWARD_CORPUS, join(repoRoot, '..', 'shared', 'corpus')].filter((c): c is string => !!c);
  return candidates.find((c) => existsSync(c) && statSync(c).isDirectory());
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

/**
 * ../shared/realworld beside the clone, or STEWARD_REALWORLD. Undefined when absent (tests
 * skip), but a missing folder is an error when CI=true: CI must not pass by skipping.
 */
export function realworldDir(): string | undefined {
  const candidates = [process.env.STEWARD_REALWORLD, join(repoRoot, '..', 'shared', 'realworld')].filter((c): c is string => !!c);
  const found = candidates.find((c) => existsSync(c) && statSync(c).isDirectory());
  if (!found && process.env.CI === 'true') throw new Error('../shared/realworld is missing (required when CI=true)');
  return found;
}

/**
 * Each real-world app's Prisma schema files. INDEX.tsv lists them (the column is cut short for
 * long lists): one file, or the folder of a multi-file schema, the folder that holds the
 * datasource (rallly keeps its models in a subfolder of it).
 */
export function realworldSchemas(): CorpusEntry[] {
  const dir = realworldDir();
  if (!dir) return [];
  const rows = readFileSync(join(dir, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const [app, , , , schema] = row.split('\t');
    const root = join(dir, app);
    const paths = schema.trim().split(/\s+/).filter((p) => p.endsWith('.prisma') && existsSync(join(root, p)));
    if (paths.length === 1) return { name: app, files: [{ path: paths[0], text: readFileSync(join(root, paths[0]), 'utf8') }] };
    let folder = paths.map((p) => dirname(p)).reduce((a, b) => (b.startsWith(a) ? a : a.startsWith(b) ? b : dirname(a)));
    const read = (f: string) => walk(join(root, f)).map((file) => ({ path: relative(root, file), text: readFileSync(file, 'utf8') }));
    let files = read(folder);
    if (!files.some((f) => /^datasource\s/m.test(f.text))) files = read((folder = dirname(folder)));
    return { name: app, files };
  });
}
