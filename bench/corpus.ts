import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Benchmark, fmtMs, runNode, stewardBin } from './measure.js';

/** `steward generate` on every PostgreSQL/CockroachDB schema of ../shared/corpus (skipped without it). */
export const corpusBenchmark: Benchmark = {
  name: 'corpus',
  run({ corpus }) {
    if (!corpus || !existsSync(corpus)) return { name: 'corpus', lines: ['skipped: no ../shared/corpus'], goals: [] };
    const lines: string[] = [];
    let total = 0;
    let count = 0;
    for (const name of readdirSync(corpus).sort()) {
      const src = join(corpus, name);
      if (!name.endsWith('.prisma') && !statSync(src).isDirectory()) continue;
      const dir = mkdtempSync(join(tmpdir(), 'steward-corpus-'));
      mkdirSync(join(dir, 'prisma'));
      const master = join(dir, 'prisma', statSync(src).isDirectory() ? 'schema.master' : 'schema.master.prisma');
      cpSync(src, master, { recursive: true });
      const args = ['generate', '--cwd', dir, '--quiet'];
      // Masters of other providers still generate (with a configured provider list they would differ); time them all.
      const sample = runNode(stewardBin, statSync(src).isDirectory() ? [...args, '--config', writeFolderConfig(dir)] : args, { expectStatus: [0, 2] });
      rmSync(dir, { recursive: true, force: true });
      if (sample.status !== 0) {
        lines.push(`${name}: not generated (exit ${sample.status})`);
        continue;
      }
      total += sample.ms;
      count++;
    }
    lines.push(`${count} corpus schemas generated, ${fmtMs(total / Math.max(1, count))} each on average (process start-up included)`);
    return { name: 'corpus', lines, goals: [] };
  },
};

function writeFolderConfig(dir: string): string {
  const file = join(dir, 'steward.config.json');
  // Folder masters are found by configuration only.
  writeFileSync(file, JSON.stringify({ master: 'prisma/schema.master' }));
  return file;
}
