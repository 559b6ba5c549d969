import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { PG_MASTER, run, snapshot, tempProject } from '../helpers/project.js';

type Env = { provider: string; output?: string; prismaConfig?: string; migrations?: string };

function project(dev: Env, extra: Record<string, unknown> = {}): string {
  return tempProject({
    'prisma/schema.master.prisma': PG_MASTER,
    'steward.config.json': JSON.stringify({ ...extra, environments: { dev, production: { provider: 'postgresql' } } }),
  });
}

const rejects = (dir: string, key: RegExp) =>
  assert.rejects(loadConfig({ cwd: dir }), (e: Error & { code?: string; details?: string[]; hint?: string }) => {
    assert.equal(e.code, 'CONFIG_INVALID');
    assert.ok(
      e.details?.some((d) => key.test(d)),
      e.details?.join('\n'),
    );
    assert.match(e.hint ?? '', /allowOutsidePaths: true/);
    return true;
  });

describe('paths steward writes stay inside the project', () => {
  it('output ../../etc/x.prisma is CONFIG_INVALID naming the key; generate exits 2 and writes nothing', async () => {
    const dir = project({ provider: 'sqlite', output: '../../etc/x.prisma' });
    await rejects(dir, /^environments\.dev\.output: \.\.\/\.\.\/etc\/x\.prisma is outside the project/);
    const before = snapshot(dir);
    const r = await run(dir, 'generate');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /CONFIG_INVALID.*\n.*environments\.dev\.output/);
    assert.deepEqual(snapshot(dir), before);
    assert.ok(!existsSync(join(dir, '../../etc/x.prisma')));
  });

  it('absolute paths outside the working directory: prismaConfig and migrations', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'steward-elsewhere-'));
    await rejects(project({ provider: 'sqlite', prismaConfig: join(elsewhere, 'prisma.dev.config.ts') }), /^environments\.dev\.prismaConfig: /);
    await rejects(project({ provider: 'sqlite', migrations: join(elsewhere, 'migrations') }), /^environments\.dev\.migrations: /);
    await rejects(project({ provider: 'sqlite', migrations: '..' }), /^environments\.dev\.migrations: \.\. is outside/);
  });

  it('paths inside are fine, absolute or not, and a folder named `..x` is inside', async () => {
    const dir = project({ provider: 'sqlite', output: '..x/dev.prisma', migrations: 'db/./../db/migrations' });
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.environments[0].output, join(dir, '..x/dev.prisma'));
    const abs = tempProject({ 'prisma/schema.master.prisma': PG_MASTER });
    writeFileSync(join(abs, 'steward.config.json'), JSON.stringify({ environments: { dev: { provider: 'sqlite', output: join(abs, 'out/dev.prisma') } } }));
    assert.equal((await loadConfig({ cwd: abs })).environments[0].output, join(abs, 'out/dev.prisma'));
  });

  it('allowOutsidePaths: true writes there on purpose; it must be a boolean', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'steward-elsewhere-'));
    const dir = project(
      { provider: 'sqlite', output: join(elsewhere, 'schema.dev.prisma'), prismaConfig: join(elsewhere, 'prisma.dev.config.ts') },
      { allowOutsidePaths: true },
    );
    const r = await run(dir, 'generate');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(elsewhere).sort(), ['prisma.dev.config.ts', 'schema.dev.prisma']);
    const bad = project({ provider: 'sqlite' }, { allowOutsidePaths: 'yes' });
    await assert.rejects(
      loadConfig({ cwd: bad }),
      (e: Error & { code?: string; details?: string[] }) => e.code === 'CONFIG_INVALID' && e.details!.some((d) => d.startsWith('allowOutsidePaths')),
    );
  });
});

describe("the TypeScript configuration's temporary module", () => {
  it('a stale one left by a killed run is removed by the next run, a live one is kept', async () => {
    const dir = tempProject({
      'prisma/schema.master.prisma': PG_MASTER,
      'steward.config.ts': `const config: { prismaMajor: 7 } = { prismaMajor: 7 };\nexport default config;\n`,
    });
    const dead = spawnSync(process.execPath, ['-e', '']).pid!; // exited: its pid is free
    const stale = `.steward.config.ts.${dead}.steward-tmp.mjs`;
    const live = `.steward.config.ts.${process.ppid}.steward-tmp.mjs`; // the test runner: alive
    writeFileSync(join(dir, stale), 'export default {}; // truncat');
    writeFileSync(join(dir, live), 'export default {};');
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.prismaMajor, 7);
    const left = readdirSync(dir).filter((n) => n.startsWith('.steward.config.ts.'));
    assert.deepEqual(left, [live]);
  });
});
