import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { aliasTargets, redirectToClient } from '../../src/verify/typecheck.js';
import type { GeneratedClient } from '../../src/verify/generate-client.js';

const app = path.resolve('/app');
const client: GeneratedClient = { dir: '/cache/abc', typesEntry: '/cache/abc/client.ts', runtimeEntry: '/cache/abc/client.js', generated: false };
const project = { tsconfig: path.join(app, 'tsconfig.json'), clientOutputDir: path.join(app, 'src', 'generated', 'prisma'), importsPackage: false };

describe('the application import of its generated client, redirected to the environment client', () => {
  const cases: { name: string; specifier: string; options: { paths?: Record<string, string[]>; baseUrl?: string }; expected: string | undefined }[] = [
    { name: 'relative import', specifier: '../generated/prisma/client', options: {}, expected: '/cache/abc/client.ts' },
    { name: 'relative import of the folder means the client entry', specifier: '../generated/prisma', options: {}, expected: '/cache/abc/client.ts' },
    {
      name: '`paths` alias with a star (umami: @/* -> ./src/*)',
      specifier: '@/generated/prisma/client',
      options: { paths: { '@/*': ['./src/*'] } },
      expected: '/cache/abc/client.ts',
    },
    {
      name: '`paths` alias to a sub-module',
      specifier: '@/generated/prisma/enums',
      options: { paths: { '@/*': ['./src/*'] } },
      expected: '/cache/abc/enums.ts',
    },
    { name: 'exact `paths` alias', specifier: 'db', options: { paths: { db: ['./src/generated/prisma/client'] } }, expected: '/cache/abc/client.ts' },
    {
      name: '`baseUrl` (hoppscotch: src/generated/prisma/client)',
      specifier: 'src/generated/prisma/client',
      options: { baseUrl: app },
      expected: '/cache/abc/client.ts',
    },
    { name: 'an alias elsewhere is not the client', specifier: '@/lib/db', options: { paths: { '@/*': ['./src/*'] } }, expected: undefined },
    { name: 'a bare package without aliases is not the client', specifier: 'src/generated/prisma/client', options: {}, expected: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const aliases = (s: string) => aliasTargets(s, c.options, app);
      const got = redirectToClient(c.specifier, path.join(app, 'src', 'lib', 'db.ts'), project, client, aliases);
      assert.equal(got, c.expected === undefined ? undefined : path.resolve(c.expected));
    });
  }
});
