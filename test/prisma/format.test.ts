import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prismaFormat, prismaValidate } from '../../src/prisma/schema-wasm.js';
import { corpusDir, corpusEntries } from '../helpers/corpus.js';
import { PG_MASTER } from '../helpers/project.js';

describe('prismaFormat', () => {
  it('formats in chunks exactly as in one piece', () => {
    const texts = [PG_MASTER, ...(corpusDir() ? corpusEntries().flatMap((e) => e.files.map((f) => f.text)) : [])];
    for (const text of texts) {
      const whole = prismaFormat(text, 's.prisma', { chunkSize: Number.MAX_SAFE_INTEGER });
      for (const chunkSize of [200, 2_000, 20_000]) assert.equal(prismaFormat(text, 's.prisma', { chunkSize }), whole);
    }
  });
});

describe('prismaValidate', () => {
  it('accepts Prisma 6 datasource URLs only when asked, keeping locations', () => {
    const strict = prismaValidate([{ path: 's.prisma', text: PG_MASTER }]);
    assert.ok(strict.some((d) => d.severity === 'error' && d.location?.line === 3));
    assert.deepEqual(prismaValidate([{ path: 's.prisma', text: PG_MASTER }], { allowDatasourceUrls: true }), []);
  });

  it('locates errors by file, line and column', () => {
    const text = PG_MASTER.replace('posts     Post[]', 'posts     Postt[]');
    const [error] = prismaValidate([{ path: 's.prisma', text }], { allowDatasourceUrls: true });
    assert.equal(error.location?.file, 's.prisma');
    assert.equal(text.split('\n')[error.location!.line - 1].slice(error.location!.column - 1, error.location!.endColumn! - 1), 'Postt');
  });
});
