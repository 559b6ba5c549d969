import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { parseHeader } from '../../src/generate/header.js';
import { generateProject } from '../../src/project/environments.js';
import { parseSchema } from '../../src/schema/parse.js';
import { PG_MASTER, snapshot, tempProject } from '../helpers/project.js';

describe('generateProject', () => {
  it('writes both environments with a header, and a second run changes nothing', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER });
    const config = await loadConfig({ cwd: dir });
    const first = await generateProject(config);
    assert.equal(first.written.length, 4); // two schemas, two prisma.<env>.config.ts
    const after = snapshot(dir);
    const second = await generateProject(config);
    assert.deepEqual(second.written, []);
    assert.deepEqual(snapshot(dir), after);
    const check = await generateProject(config, { check: true });
    assert.deepEqual(check.stale, []);
    const header = parseHeader(after['prisma/schema.dev.prisma']);
    assert.equal(header?.info.env, 'dev');
    assert.equal(header?.info.master, 'schema.master.prisma');
    assert.match(after['prisma.dev.config.ts'], /schema: '\.\/prisma\/schema\.dev\.prisma'/);
    assert.match(after['prisma.dev.config.ts'], /migrations: \{ path: '\.\/prisma\/migrations\/dev' \}/);
  });

  it('round trip: the production schema equals the master in every model, field and attribute', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER });
    const config = await loadConfig({ cwd: dir });
    await generateProject(config);
    const production = parseSchema({ path: 'p', text: readFileSync(join(dir, 'prisma/schema.production.prisma'), 'utf8') });
    const master = parseSchema({ path: 'm', text: PG_MASTER });
    const shape = (s: typeof master) =>
      [...s.models, ...s.enums].map((b) => ({
        name: b.name,
        members:
          b.kind === 'enum'
            ? b.values.map((v) => v.name)
            : b.fields.map(
                (f) =>
                  `${f.name} ${f.type.name}${f.type.list ? '[]' : ''}${f.type.optional ? '?' : ''} ${f.attributes.map((a) => a.name + JSON.stringify(a.args.map((x) => x.name))).join(' ')}`,
              ),
        attributes: b.attributes.map((a) => a.name),
      }));
    assert.deepEqual(shape(production), shape(master));
  });

  it('--check names a stale file and a file edited by hand, and writes nothing', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER });
    const config = await loadConfig({ cwd: dir });
    await generateProject(config);
    const devPath = join(dir, 'prisma/schema.dev.prisma');
    writeFileSync(devPath, readFileSync(devPath, 'utf8').replace('title', 'headline'));
    writeFileSync(join(dir, 'prisma/schema.master.prisma'), PG_MASTER.replace('model Post {', 'model Post {\n  views Int @default(0)'));
    const before = snapshot(dir);
    const report = await generateProject(config, { check: true });
    assert.deepEqual(snapshot(dir), before);
    const byEnv = Object.fromEntries(report.stale.filter((s) => s.path.endsWith('.prisma')).map((s) => [s.env, s.reason]));
    assert.deepEqual(byEnv, { dev: 'edited', production: 'master-changed' });
    assert.ok(report.stale.find((s) => s.env === 'dev')!.line! > 3);
  });

  it('writes nothing when the master is invalid', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER.replace('Post[]', 'Postt[]') });
    const config = await loadConfig({ cwd: dir });
    const before = snapshot(dir);
    await assert.rejects(generateProject(config), (e: Error & { code?: string }) => e.code === 'SCHEMA_INVALID');
    assert.deepEqual(snapshot(dir), before);
  });
});
