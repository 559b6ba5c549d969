import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { auditBenchmark } from './audit.js';
import { auditRecallBenchmark } from './audit-recall.js';
import { corpusBenchmark } from './corpus.js';
import { deployBenchmark } from './deploy.js';
import { diffBenchmark } from './diff.js';
import { docsBenchmark } from './docs.js';
import { generateBenchmark } from './generate.js';
import { historyBenchmark } from './history.js';
import { longHistoriesBenchmark } from './long-histories.js';
import { migrateBenchmark } from './migrate.js';
import { lintBenchmark } from './lint.js';
import { startupBenchmark } from './startup.js';
import { type Benchmark, repoRoot } from './measure.js';
import { verifyBenchmark } from './verify.js';

/** Every benchmark of `npm run bench`. One line per capability. */
const BENCHMARKS: Benchmark[] = [
  generateBenchmark,
  corpusBenchmark,
  auditBenchmark,
  auditRecallBenchmark,
  lintBenchmark,
  startupBenchmark,
  diffBenchmark,
  historyBenchmark,
  docsBenchmark,
  verifyBenchmark,
  migrateBenchmark,
  longHistoriesBenchmark,
  deployBenchmark,
];

const { values } = parseArgs({ options: { only: { type: 'string' }, rounds: { type: 'string' } } });
const rounds = Number(values.rounds ?? 5);
const corpus = process.env.STEWARD_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');
let failed = 0;
for (const bench of BENCHMARKS) {
  if (values.only && !values.only.split(',').includes(bench.name)) continue;
  console.log(`\n== ${bench.name} ==`);
  const result = await bench.run({ rounds, corpus: existsSync(corpus) ? corpus : undefined });
  for (const line of result.lines) console.log(`  ${line}`);
  for (const g of result.goals) {
    console.log(`  [${g.met ? 'met' : 'MISSED'}] ${g.goal}`);
    if (!g.met) failed++;
  }
}
console.log(`\n${failed === 0 ? 'All benchmark goals met.' : `${failed} benchmark goal(s) missed.`}`);
