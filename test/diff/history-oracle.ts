/**
 * The diff judged against real history: ../shared/realworld-history holds 126 real schema
 * changes (before.prisma, after.prisma) with the migration SQL their teams committed. For each
 * one, steward's classification (highest severity, probable renames that carry data, what the
 * SQL does that the schema does not show) is compared with an expectation a person wrote from
 * reading that SQL (history-expectations.ts). Shared by the test and `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { highestSeverity } from '../../src/diff/codes.js';
import { diffSchemas } from '../../src/diff/diff.js';
import { parseSchema } from '../../src/schema/parse.js';
import { type Classification, HISTORY_EXPECTATIONS } from './history-expectations.js';

export interface CaseResult {
  id: string;
  expected: Classification;
  actual: Classification;
  agrees: boolean;
  /** Why steward is right, when the expectation records a remaining disagreement. */
  disagreement?: string;
}

export function historyCases(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((app) => app.isDirectory())
    .flatMap((app) => readdirSync(join(dir, app.name)).map((c) => `${app.name}/${c}`))
    .sort();
}

/** Steward's classification of one change, given its migration SQL. */
export function classify(dir: string, id: string): Classification {
  const read = (name: string) => readFileSync(join(dir, id, name), 'utf8');
  const from = parseSchema([{ path: 'before.prisma', text: read('before.prisma') }]);
  const to = parseSchema([{ path: 'after.prisma', text: read('after.prisma') }]);
  const changes = diffSchemas(from, to, { migrations: [{ name: id, sql: read('migration.sql') }] });
  const renames = changes
    .filter((c) => c.code.startsWith('probable-') && (c.code !== 'probable-field-rename' || c.column !== undefined))
    .map((c) => {
      const kind =
        c.code === 'probable-model-rename' ? 'model' : c.code === 'probable-enum-rename' ? 'enum' : c.code === 'probable-field-rename' ? 'field' : 'value';
      return kind === 'model' || kind === 'enum' ? `${kind} ${c.before} -> ${c.after}` : `${kind} ${c.model}.${c.before} -> ${c.after}`;
    })
    .sort();
  const indexes = changes
    .filter((c) => c.code === 'migration-index-not-in-schema')
    .map((c) => /creates .*?index (\S+) on/.exec(c.message)![1])
    .sort();
  return { severity: highestSeverity(changes) ?? 'none', renames, data: changes.some((c) => c.code === 'migration-data-statement'), indexes };
}

export function sameClassification(a: Classification, b: Classification): boolean {
  return a.severity === b.severity && a.data === b.data && a.renames.join('|') === b.renames.join('|') && a.indexes.join('|') === b.indexes.join('|');
}

export function runHistoryOracle(dir: string): { results: CaseResult[]; agreement: number; missing: string[] } {
  const cases = historyCases(dir);
  const results: CaseResult[] = [];
  const missing: string[] = [];
  for (const id of cases) {
    const expectation = HISTORY_EXPECTATIONS[id];
    if (!expectation) {
      missing.push(id);
      continue;
    }
    const actual = classify(dir, id);
    const { disagreement, ...expected } = expectation;
    results.push({
      id,
      expected: { ...expected, renames: [...expected.renames].sort(), indexes: [...expected.indexes].sort() },
      actual,
      agrees: sameClassification({ ...expected, renames: [...expected.renames].sort(), indexes: [...expected.indexes].sort() }, actual),
      disagreement,
    });
  }
  const agreed = results.filter((r) => r.agrees).length;
  return { results, agreement: results.length === 0 ? 0 : agreed / results.length, missing };
}
