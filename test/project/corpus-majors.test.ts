/**
 * Every corpus schema, as the master of a throwaway project whose Prisma major is the one the
 * schema is written for (a datasource url: 6, else 7): validate, generate and migrate baseline
 * never crash and never report INTERNAL. Prisma 6 style URLs and preview features Prisma 7 does
 * not know reach the engines only as notes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { detectPrismaMajor } from '../../src/project/prisma-version.js';
import { corpusDir, corpusEntries } from '../helpers/corpus.js';
import { run, tempProject } from '../helpers/project.js';

/**
 * Schemas their own Prisma refuses too, by the validator of their major (checked by hand):
 * pgvector's example sets shadowDatabaseUrl to the same variable as directUrl, which Prisma 5
 * and 6 reject ("Please specify a different database as shadow database").
 */
const REFUSED_BY_PRISMA = new Set(['vercel__examples__storage__postgres-pgvector__prisma__schema.prisma']);

describe('corpus schemas through validate, generate and migrate baseline', { skip: corpusDir() ? false : '../shared/corpus is absent', concurrency: 2 }, () => {
  for (const entry of corpusEntries()) {
    it(entry.name, async () => {
      const dir = tempProject({});
      const folder = entry.files.length > 1 || entry.files[0].path.includes('/');
      const master = folder ? 'prisma/schema' : 'prisma/schema.master.prisma';
      for (const file of entry.files) {
        const target = folder ? join(dir, master, file.path.split('/').slice(1).join('/')) : join(dir, master);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.text);
      }
      const { major } = detectPrismaMajor(dir, master);
      writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ master, prismaMajor: major }));
      for (const args of [['generate'], ['validate'], ['migrate', 'baseline']]) {
        const result = await run(dir, ...args);
        const output = result.stdout + result.stderr;
        const shown = `${args.join(' ')} (Prisma ${major}) exited ${result.code}:\n${output.slice(0, 3000)}`;
        assert.doesNotMatch(output, /INTERNAL|This is a bug|\n\s+at .+:\d+:\d+\)?\n/, shown);
        // A schema valid for its own Prisma is accepted; MongoDB masters are refused with a usage error.
        const mongo = /provider\s*=\s*"mongodb"/.test(entry.files.map((f) => f.text).join('\n'));
        if (REFUSED_BY_PRISMA.has(entry.name)) {
          assert.equal(result.code, 2, shown);
          assert.match(output, /schema\.master\.prisma:\d+:\d+/, shown);
          return;
        }
        if (mongo && args[0] !== 'validate') assert.match(output, /USAGE/, shown);
        else assert.ok(result.code === 0 || result.code === 1, shown);
        if (result.code !== 0 && !mongo) break;
      }
    });
  }
});
