import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Benchmark, fmtMs, repoRoot, runNode, sideBySide, stewardBin } from './measure.js';
import { syntheticSchema } from './synthetic.js';

const prismaCli = join(repoRoot, 'node_modules', 'prisma', 'build', 'index.js');

function project(models: number): string {
  const dir = mkdtempSync(join(tmpdir(), `steward-bench-${models}-`));
  mkdirSync(join(dir, 'prisma'));
  writeFileSync(join(dir, 'prisma', 'schema.master.prisma'), syntheticSchema(models));
  return dir;
}

/** Issue 2's goals: check on 300 models faster than `prisma validate`; 3,000 models generate < 2 s and < 400 MB. */
export const generateBenchmark: Benchmark = {
  name: 'generate',
  run({ rounds }) {
    const lines: string[] = [];
    const goals: { goal: string; met: boolean }[] = [];
    const p300 = project(300);
    const p3000 = project(3000);
    try {
      // Prepare: environment files present, so `check` measures the gate, not a missing file.
      runNode(stewardBin, ['generate', '--cwd', p300, '--quiet']);
      // `prisma validate` runs offline when the engine binary points at any executable.
      const prismaEnv = { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
      const cmp = sideBySide(rounds, {
        'steward check': () => runNode(stewardBin, ['check', '--cwd', p300], { expectStatus: [0, 1] }), // findings (lint) exit 1
        'prisma validate': () => runNode(prismaCli, ['validate', '--schema', join(p300, 'prisma', 'schema.production.prisma')], { cwd: p300, env: prismaEnv }),
      });
      const ratio = cmp['steward check'].ms / cmp['prisma validate'].ms;
      lines.push(
        `300 models: steward check ${fmtMs(cmp['steward check'].ms)} (${cmp['steward check'].peakMb.toFixed(0)} MB) vs prisma validate ${fmtMs(cmp['prisma validate'].ms)} (${cmp['prisma validate'].peakMb.toFixed(0)} MB): ratio ${ratio.toFixed(2)}`,
      );
      goals.push({ goal: 'steward check on 300 models takes less wall time than prisma validate', met: ratio < 1 });

      const gen = sideBySide(rounds, {
        'generate 300': () => {
          rmSync(join(p300, 'prisma', 'schema.dev.prisma'), { force: true });
          return runNode(stewardBin, ['generate', '--cwd', p300, '--quiet']);
        },
        'generate 3000': () => {
          rmSync(join(p3000, 'prisma', 'schema.dev.prisma'), { force: true });
          return runNode(stewardBin, ['generate', '--cwd', p3000, '--quiet']);
        },
      });
      for (const [name, r] of Object.entries(gen)) lines.push(`${name} models: ${fmtMs(r.ms)}, peak ${r.peakMb.toFixed(0)} MB`);
      goals.push({ goal: '3,000 models generate in under 2 s', met: gen['generate 3000'].ms < 2000 });
      goals.push({ goal: '3,000 models generate with peak memory under 400 MB', met: gen['generate 3000'].peakMb < 400 });
    } finally {
      rmSync(p300, { recursive: true, force: true });
      rmSync(p3000, { recursive: true, force: true });
    }
    return { name: 'generate', lines, goals };
  },
};
