/**
 * Audit benchmark (`npm run bench -- --only audit`): a synthetic codebase of 10,000 TypeScript files (services calling Prisma
 * Client on 100 models, plus plain helpers) is audited, and `tsc --noEmit` type-checks the same
 * codebase, side by side. Goals: audit < 3 s, and >= 10x faster than tsc.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Benchmark, fmtMs, runNode, sideBySide, stewardBin } from './measure.js';
import { syntheticSchema } from './synthetic.js';

const FILES = 10_000;
const MODELS = 100;

function serviceFile(i: number): string {
  const m = i % MODELS;
  const d = `entity${m}`;
  const child = m < MODELS - 1 ? `entity${m + 1}` : undefined;
  return `import { db } from '../db';

export interface Input${i} { title: string; tags: string[]; amount: number }

function normalise${i}(value: string): string {
  return value.trim().toLowerCase();
}

export class Service${i} {
  async list(search: string, page = 0) {
    const where = { title: { contains: normalise${i}(search), mode: 'insensitive' as const }, status: 'ACTIVE' as const };
    return db.${d}.findMany({ where, orderBy: { createdAt: 'desc' }, take: 20, skip: page * 20, select: { id: true, title: true, tags: true } });
  }

  async get(id: string) {
    return db.${d}.findUnique({ where: { id }${child ? `, include: { children: { where: { counter: { gt: 0 } }, take: 5 } }` : ''} });
  }

  async create(input: Input${i}) {
    return db.${d}.create({ data: { title: input.title, tags: input.tags, amount: input.amount, description: null } });
  }

  async rename(id: string, title: string) {
    const result = await db.$transaction(async (tx) => {
      const row = await tx.${d}.update({ where: { id }, data: { title, counter: { increment: 1 } } });
      await tx.${d}.count({ where: { tags: { has: 'x' } } });
      return row;
    });
    return result;
  }

  summary(rows: { title: string }[]): string {
    const parts: string[] = [];
    for (const row of rows) parts.push(normalise${i}(row.title));
    return parts.join(', ');
  }
}
`;
}

/** A typed stand-in for the generated client, so tsc checks real types (Prisma's own are far heavier). */
function clientFile(): string {
  const lines = [
    'type Where<T> = { [K in keyof T]?: T[K] | { equals?: T[K]; in?: T[K][]; gt?: T[K]; contains?: string; mode?: "insensitive" | "default"; has?: string; increment?: number } };',
    'interface Delegate<T, I = {}> {',
    '  findMany(args?: { where?: Where<T>; orderBy?: { [K in keyof T]?: "asc" | "desc" }; take?: number; skip?: number; select?: { [K in keyof T]?: boolean } }): Promise<T[]>;',
    '  findUnique(args: { where: { id: string }; include?: I }): Promise<T | null>;',
    '  create(args: { data: { [K in keyof T]?: T[K] | null } }): Promise<T>;',
    '  update(args: { where: { id: string }; data: { [K in keyof T]?: T[K] | { increment: number } } }): Promise<T>;',
    '  count(args?: { where?: Where<T> }): Promise<number>;',
    '}',
    'interface Row { id: string; title: string; description: string | null; tags: string[]; amount: number; status: "ACTIVE" | "ARCHIVED"; counter: number; createdAt: Date }',
    'type ChildInclude = { children?: { where?: Where<Row>; take?: number } };',
    'export interface Client {',
  ];
  for (let m = 0; m < MODELS; m++) lines.push(`  entity${m}: Delegate<Row, ChildInclude>;`);
  lines.push('  $transaction<R>(fn: (tx: Client) => Promise<R>): Promise<R>;', '}', 'export declare const db: Client;', '');
  return lines.join('\n');
}

export function writeSyntheticCodebase(root: string): void {
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'db.ts'), clientFile());
  for (let i = 0; i < FILES; i++) {
    const dir = join(root, 'src', `module${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `service${i}.ts`), serviceFile(i));
  }
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, skipLibCheck: true, types: [] },
      include: ['src'],
    }),
  );
}

/** Issue 4's goals: 10,000 files audited in < 3 s, and >= 10x faster than `tsc --noEmit` on them. */
export const auditBenchmark: Benchmark = {
  name: 'audit',
  run({ rounds }) {
    const root = mkdtempSync(join(tmpdir(), 'steward-audit-bench-'));
    try {
      writeSyntheticCodebase(root);
      mkdirSync(join(root, 'prisma'));
      writeFileSync(join(root, 'prisma', 'schema.master.prisma'), syntheticSchema(MODELS));
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      const cmp = sideBySide(Math.min(rounds, 3), {
        'steward audit': () => runNode(stewardBin, ['audit', '--cwd', root, '--format', 'json'], { expectStatus: [0, 1] }),
        'tsc --noEmit': () => runNode(tsc, ['--noEmit', '-p', root]),
      });
      const audit = cmp['steward audit'].ms;
      const typecheck = cmp['tsc --noEmit'].ms;
      return {
        name: 'audit',
        lines: [
          `${FILES} TypeScript files (${FILES * 5} Prisma calls on ${MODELS} models): steward audit ${fmtMs(audit)} (${cmp['steward audit'].peakMb.toFixed(0)} MB) vs tsc --noEmit ${fmtMs(typecheck)} (${cmp['tsc --noEmit'].peakMb.toFixed(0)} MB): ${(typecheck / audit).toFixed(1)}x faster`,
        ],
        goals: [
          { goal: `steward audit on ${FILES} files in < 3 s`, met: audit < 3000 },
          { goal: 'steward audit >= 10x faster than tsc --noEmit on the same codebase', met: typecheck / audit >= 10 },
        ],
      };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
