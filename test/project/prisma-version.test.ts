import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectPrismaMajor } from '../../src/project/prisma-version.js';
import { realworldDir } from '../helpers/realworld.js';
import { tempProject } from '../helpers/project.js';

const PG6 = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n';
const PG7 = 'datasource db {\n  provider = "postgresql"\n}\n';

describe('detectPrismaMajor', () => {
  // Checked by hand in each app's package.json (and schema): documenso ^6.19.0 (url in the
  // datasource); formbricks prisma 7.8.0 (+ catalog: for @prisma/client); ghostfolio 7.9.1;
  // hoppscotch 7.8.0; papermark 6.5.0 (url); rallly ^7.8.0; umami ^7.6.0. No lockfile is kept.
  const apps: [string, string, 5 | 6 | 7, RegExp][] = [
    ['documenso', 'packages/prisma/schema.prisma', 6, /packages\/prisma\/package\.json: prisma "\^6\.19\.0"/],
    ['formbricks', 'packages/database/schema', 7, /packages\/database\/package\.json: prisma "7\.8\.0"/],
    ['ghostfolio', 'prisma/schema.prisma', 7, /package\.json: prisma "7\.9\.1"/],
    ['hoppscotch', 'packages/hoppscotch-backend/prisma/schema.prisma', 7, /hoppscotch-backend\/package\.json: prisma "7\.8\.0"/],
    ['papermark', 'prisma/schema', 6, /package\.json: prisma "6\.5\.0"/],
    ['rallly', 'packages/database/prisma', 7, /packages\/database\/package\.json: prisma "\^7\.8\.0"/],
    ['umami', 'prisma/schema.prisma', 7, /package\.json: prisma "\^7\.6\.0"/],
  ];
  const realworld = realworldDir();
  for (const [app, schema, major, evidence] of apps) {
    it(`finds Prisma ${major} in ${app}`, { skip: realworld ? false : '../shared/realworld is absent' }, () => {
      const found = detectPrismaMajor(join(realworld!, app), schema);
      assert.equal(found.major, major, found.evidence);
      assert.match(found.evidence, evidence);
    });
  }

  it('prefers the lockfile to the declared range (package-lock.json)', () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ devDependencies: { prisma: '>=5.0.0' } }),
      'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/prisma': { version: '6.19.3' } } }),
      'prisma/schema.prisma': PG7,
    });
    assert.deepEqual(detectPrismaMajor(dir, 'prisma/schema.prisma'), { major: 6, evidence: 'package-lock.json: prisma 6.19.3' });
  });

  it("reads the schema package's importer in pnpm-lock.yaml, and pnpm catalogs", () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ private: true }),
      'pnpm-workspace.yaml': 'packages:\n  - packages/*\ncatalog:\n  prisma: ^5.22.0\n',
      'pnpm-lock.yaml':
        "lockfileVersion: '9.0'\nimporters:\n  .: {}\n  packages/db:\n    devDependencies:\n      prisma:\n        specifier: 'catalog:'\n        version: 5.22.0(typescript@5.9.3)\n",
      'packages/db/package.json': JSON.stringify({ devDependencies: { prisma: 'catalog:' } }),
      'packages/db/prisma/schema.prisma': PG6,
    });
    assert.deepEqual(detectPrismaMajor(join(dir, 'packages/db'), 'prisma/schema.prisma'), { major: 5, evidence: '../../pnpm-lock.yaml: prisma 5.22.0' });
    const noLock = tempProject({
      'pnpm-workspace.yaml': 'packages:\n  - packages/*\ncatalog:\n  prisma: ^5.22.0\n',
      'packages/db/package.json': JSON.stringify({ devDependencies: { prisma: 'catalog:' } }),
      'packages/db/schema.prisma': PG6,
    });
    assert.equal(detectPrismaMajor(noLock, 'packages/db/schema.prisma').major, 5);
  });

  it('reads yarn.lock (v1 and berry) and bun.lock, taking the version the declared range resolves to', () => {
    const yarn1 = tempProject({
      'package.json': JSON.stringify({ devDependencies: { prisma: '^6.1.0' } }),
      'yarn.lock': '# yarn lockfile v1\n\n\nprisma@^6.1.0:\n  version "6.1.0"\n  resolved "x"\n\nprisma@^5.0.0:\n  version "5.3.1"\n',
    });
    assert.deepEqual(detectPrismaMajor(yarn1), { major: 6, evidence: 'yarn.lock: prisma 6.1.0' });
    const berry = tempProject({
      'package.json': JSON.stringify({ dependencies: { '@prisma/client': '^7.2.0' } }),
      'yarn.lock': '__metadata:\n  version: 8\n\n"@prisma/client@npm:^7.2.0":\n  version: 7.2.0\n  resolution: "x"\n',
    });
    assert.deepEqual(detectPrismaMajor(berry), { major: 7, evidence: 'yarn.lock: @prisma/client 7.2.0' });
    const bun = tempProject({
      'package.json': JSON.stringify({ devDependencies: { prisma: '^6' } }),
      'bun.lock': '{\n  "lockfileVersion": 1,\n  "packages": {\n    "prisma": ["prisma@6.16.2", "", {}, "sha512-x"],\n  },\n}\n',
    });
    assert.deepEqual(detectPrismaMajor(bun), { major: 6, evidence: 'bun.lock: prisma 6.16.2' });
  });

  it('reads an installed prisma when there is no lockfile', () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ devDependencies: { prisma: '*' } }),
      'node_modules/prisma/package.json': JSON.stringify({ name: 'prisma', version: '5.22.0' }),
    });
    assert.deepEqual(detectPrismaMajor(dir), { major: 5, evidence: 'node_modules/prisma/package.json: prisma 5.22.0 installed' });
  });

  it('ignores package.json#prisma (a settings object, not a dependency)', () => {
    const dir = tempProject({ 'package.json': JSON.stringify({ prisma: { schema: 'db/schema.prisma' }, dependencies: { '@prisma/client': '~6.3.0' } }) });
    assert.equal(detectPrismaMajor(dir).major, 6);
  });

  it('falls back to prisma.config.ts, then the datasource style', () => {
    assert.deepEqual(detectPrismaMajor(tempProject({ 'prisma.config.ts': 'export default {}\n', 'schema.prisma': PG7 }), 'schema.prisma'), {
      major: 7,
      evidence: 'prisma.config.ts and no datasource url',
    });
    assert.deepEqual(detectPrismaMajor(tempProject({ 'schema.prisma': PG6 }), 'schema.prisma'), {
      major: 6,
      evidence: 'the datasource has a url (Prisma 6 style)',
    });
    assert.equal(detectPrismaMajor(tempProject({ 'schema.prisma': PG7 }), 'schema.prisma').major, 7);
  });

  it('maps majors outside 5-7 to the nearest supported one', () => {
    assert.equal(detectPrismaMajor(tempProject({ 'package.json': JSON.stringify({ devDependencies: { prisma: '4.16.2' } }) })).major, 5);
  });
});
