import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Benchmark, fmtMs, median, runNode, stewardBin } from './measure.js';
import { syntheticSchema } from './synthetic.js';

const MODELS = 70;

/** An application touching every model, with the list and case-insensitive filters SQLite lacks. */
function application(models: number): string {
  const lines = [`import { PrismaClient } from './generated/prisma/client.js';`, '', 'export async function run(prisma: PrismaClient, q: string) {'];
  for (let i = 0; i < models; i++) {
    lines.push(
      `  await prisma.entity${i}.findMany({ where: { title: { contains: q, mode: 'insensitive' }, tags: { has: q } }, select: { id: true, amount: true, status: true } });`,
    );
    lines.push(`  await prisma.entity${i}.create({ data: { title: q, amount: '1.50', tags: [q] } });`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

/** Issue 7's goal: verify on a 70-model schema, both environments, under 20 s with a warm cache. */
export const verifyBenchmark: Benchmark = {
  name: 'verify',
  run({ rounds }) {
    const dir = mkdtempSync(join(tmpdir(), 'steward-bench-verify-'));
    try {
      mkdirSync(join(dir, 'prisma'));
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'prisma', 'schema.master.prisma'), syntheticSchema(MODELS));
      writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ master: 'prisma/schema.master.prisma' }));
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, skipLibCheck: true },
          include: ['src/**/*.ts'],
        }),
      );
      writeFileSync(join(dir, 'src', 'app.ts'), application(MODELS));

      // The first run fills the caches (generated clients by schema hash, the warm PGlite).
      const cold = runNode(stewardBin, ['verify', '--format', 'json'], { cwd: dir, expectStatus: [1] });
      const samples = [];
      for (let i = 0; i < Math.min(Math.max(rounds, 1), 3); i++) samples.push(runNode(stewardBin, ['verify'], { cwd: dir, expectStatus: [1] }));
      const crudOnly = runNode(stewardBin, ['verify', '--skip-typecheck'], { cwd: dir, expectStatus: [0] });
      const typecheckOnly = runNode(stewardBin, ['verify', '--skip-crud'], { cwd: dir, expectStatus: [1] });
      const warm = median(samples.map((s) => s.ms));
      return {
        name: 'verify',
        lines: [
          `${MODELS}-model synthetic schema, dev (sqlite) + production (postgresql), ${MODELS * 2} queries in the application`,
          `first run (cold caches, includes 3 client generations): ${fmtMs(cold.ms)}`,
          `warm: ${fmtMs(warm)} median of ${samples.length}, peak ${Math.max(...samples.map((s) => s.peakMb)).toFixed(0)} MB`,
          `warm, CRUD only: ${fmtMs(crudOnly.ms)}; type-check only: ${fmtMs(typecheckOnly.ms)}`,
        ],
        goals: [{ goal: `verify, ${MODELS} models, both environments, warm cache < 20 s (${fmtMs(warm)})`, met: warm < 20_000 }],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
