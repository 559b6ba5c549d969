import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { parseConfigBlocks, parseSchema } from '../../src/schema/parse.js';
import type { SourceFile } from '../../src/schema/model.js';
import { corpusEntries, corpusSkip, realworldSchemas } from '../helpers/corpus.js';
import { tempProject } from '../helpers/project.js';

/** The same datasources and generators, spans included, as the full parse reads. */
function assertSameConfigBlocks(files: SourceFile[], name: string): void {
  const full = parseSchema(files);
  const only = parseConfigBlocks(files);
  assert.deepEqual(only.datasources, full.datasources, name);
  assert.deepEqual(only.generators, full.generators, name);
  assert.deepEqual([only.models.length, only.enums.length], [0, 0]);
}

// A `}` in a comment ended the datasource for the regex that read it before.
const TRICKY = `model Before {
  id Int @id
  // a comment with } braces {
  /* a block comment
} at a line start
  */
  note String @default("}")
}

datasource db {
  // the URL is {documented} elsewhere
  provider = "postgresql"
  url      = env("PG_URL")
}

enum E {
  A
  }
generator client {
  provider = "prisma-client"
}
`;

describe('parseConfigBlocks', () => {
  it('reads datasource and generator blocks exactly as the full parse, skipping the other blocks', () => {
    assertSameConfigBlocks([{ path: 'schema.prisma', text: TRICKY }], 'tricky');
    const only = parseConfigBlocks(TRICKY);
    assert.deepEqual(
      only.datasources.map((d) => d.name),
      ['db'],
    );
    assert.deepEqual(
      only.generators.map((g) => g.name),
      ['client'],
    );
  });

  it('gives the configuration the master datasource defaults, a `}` in a comment notwithstanding', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': TRICKY.replace('"postgresql"', '"cockroachdb"') });
    const config = await loadConfig({ cwd: dir });
    assert.deepEqual(
      config.environments.map((e) => [e.name, e.provider, e.urlEnv]),
      [
        ['dev', 'sqlite', 'PG_URL'],
        ['production', 'cockroachdb', 'PG_URL'],
      ],
    );
  });

  it('agrees with the full parse on every corpus and real-world schema', { skip: corpusSkip() }, () => {
    const entries = [...corpusEntries(), ...realworldSchemas()];
    assert.ok(entries.length > 0);
    for (const entry of entries) assertSameConfigBlocks(entry.files, entry.name);
  });
});
