import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runHistoryOracle } from '../test/diff/history-oracle.js';
import { type Benchmark, repoRoot } from './measure.js';

/**
 * Issue 20's goal: `steward diff` agrees with the SQL real teams committed with 126 schema
 * changes (../shared/realworld-history) on more than 95% of them: the highest severity, the
 * probable renames that carry data, and the data statements and undeclared indexes in the SQL.
 */
export const historyBenchmark: Benchmark = {
  name: 'history',
  run() {
    const dir = process.env.STEWARD_REALWORLD_HISTORY ?? join(repoRoot, '..', 'shared', 'realworld-history');
    if (!existsSync(dir)) return { name: 'history', lines: ['../shared/realworld-history is absent: skipped'], goals: [] };
    const t0 = performance.now();
    const { results, agreement, missing } = runHistoryOracle(dir);
    const ms = performance.now() - t0;
    const lines = [
      `${results.length} real schema changes with their committed SQL: steward agrees on ${results.filter((r) => r.agrees).length} (${(agreement * 100).toFixed(1)}%) in ${ms.toFixed(0)} ms`,
    ];
    const renames = results.filter((r) => r.id.includes('/rename_'));
    lines.push(
      `RENAME commits: ${renames.length}; true renames expected ${renames.reduce((n, r) => n + r.expected.renames.length, 0)}, reported ${renames.reduce((n, r) => n + r.actual.renames.filter((x) => r.expected.renames.includes(x)).length, 0)}, extra ${renames.reduce((n, r) => n + r.actual.renames.filter((x) => !r.expected.renames.includes(x)).length, 0)}`,
    );
    for (const r of results.filter((x) => !x.agrees))
      lines.push(
        `disagreement ${r.id}: expected ${JSON.stringify(r.expected)}, steward ${JSON.stringify(r.actual)}${r.disagreement ? ` (steward is right: ${r.disagreement.slice(0, 120)}...)` : ''}`,
      );
    if (missing.length) lines.push(`no expectation recorded for: ${missing.join(', ')}`);
    return {
      name: 'history',
      lines,
      goals: [{ goal: 'agreement with the committed SQL above 95% (every change has an expectation)', met: agreement > 0.95 && missing.length === 0 }],
    };
  },
};
