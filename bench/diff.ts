import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffSchemas } from '../src/diff/diff.js';
import { parseSchema } from '../src/schema/parse.js';
import { type Benchmark, fmtMs, median, runNode, stewardBin } from './measure.js';
import { syntheticSchema } from './synthetic.js';

/** A next version with every kind of edit: added fields (variant), removals, type and default changes, a dropped index. */
function nextVersion(models: number): string {
  return syntheticSchema(models, { variant: 1 })
    .replace(/  counter     BigInt   @default\(0\)\n/g, (_m, offset: number) => (offset % 3 === 0 ? '' : '  counter     BigInt   @default(1)\n'))
    .replace(/  metadata    Json\?\n/g, '  metadata    Json\n')
    .replace(/  @@index\(\[tags\], type: Gin\)\n/, '');
}

/** Issue 8's goal: the diff of two 300-model versions takes under 200 ms beyond start-up. */
export const diffBenchmark: Benchmark = {
  name: 'diff',
  run({ rounds }) {
    const lines: string[] = [];
    const goals: { goal: string; met: boolean }[] = [];
    const before = syntheticSchema(300);
    const after = nextVersion(300);
    const environments = [
      { name: 'dev', provider: 'sqlite' as const },
      { name: 'production', provider: 'postgresql' as const },
    ];
    const inProcess: number[] = [];
    const plain: number[] = [];
    let count = 0;
    for (let i = 0; i < Math.max(rounds, 3) + 1; i++) {
      const t0 = performance.now();
      const a = parseSchema([{ path: 'a.prisma', text: before }]);
      const b = parseSchema([{ path: 'b.prisma', text: after }]);
      const t1 = performance.now();
      count = diffSchemas(a, b, { environments }).length;
      const t2 = performance.now();
      diffSchemas(a, b);
      const t3 = performance.now();
      if (i === 0) continue; // warm-up
      inProcess.push(t2 - t0);
      plain.push(t3 - t2 + (t1 - t0));
    }
    const full = median(inProcess);
    lines.push(
      `300 models, ${count} changes: parse both + diff with per-environment effects (dev, production) ${fmtMs(full)}; without environments ${fmtMs(median(plain))}`,
    );
    goals.push({ goal: 'diff of two 300-model versions under 200 ms beyond start-up (parse + diff + environment effects, in process)', met: full < 200 });

    const dir = mkdtempSync(join(tmpdir(), 'steward-bench-diff-'));
    try {
      mkdirSync(join(dir, 'prisma'));
      writeFileSync(join(dir, 'prisma', 'schema.master.prisma'), after);
      writeFileSync(join(dir, 'before.prisma'), before);
      const cli: number[] = [];
      const start: number[] = [];
      for (let i = 0; i < rounds; i++) {
        cli.push(runNode(stewardBin, ['diff', '--cwd', dir, '--from', 'before.prisma', '--format', 'json']).ms);
        start.push(runNode(stewardBin, ['--version']).ms);
      }
      lines.push(
        `CLI: steward diff --format json ${fmtMs(median(cli))}; start-up (steward --version) ${fmtMs(median(start))}; difference ${fmtMs(median(cli) - median(start))}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return { name: 'diff', lines, goals };
  },
};
