import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knownPreviewFeatures, prismaValidate } from '../../src/prisma/schema-wasm.js';
import { originalOffset, prepareForValidator } from '../../src/prisma/validator-input.js';

const VIEW_WITH_ID = `generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["views"]
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

view Totals {
  a Int
  b Int

  @@id([a, b])
}
`;

describe('one validator per Prisma major', () => {
  it("accepts views with @@id under Prisma 5 only, as each major's Prisma does", () => {
    assert.deepEqual(prismaValidate([{ path: 's.prisma', text: VIEW_WITH_ID }], { major: 5 }), []);
    for (const major of [6, 7] as const) {
      const errors = prismaValidate([{ path: 's.prisma', text: VIEW_WITH_ID }], { major, allowDatasourceUrls: true });
      assert.ok(
        errors.some((e) => e.severity === 'error' && /Views cannot have primary keys/.test(e.message) && e.location?.line === 15),
        `Prisma ${major}`,
      );
    }
  });

  it("knows each major's preview features, provider-specific ones included", () => {
    assert.ok(knownPreviewFeatures(5).includes('tracing'));
    assert.ok(knownPreviewFeatures(6).includes('metrics') && knownPreviewFeatures(6).includes('fullTextSearchPostgres'));
    assert.ok(!knownPreviewFeatures(7).includes('metrics') && knownPreviewFeatures(7).includes('fullTextSearchPostgres'));
  });

  it('gives a Prisma 7 style master (no url) to Prisma 5 and 6 with locations unchanged', () => {
    const text = VIEW_WITH_ID.replace('  url      = env("DATABASE_URL")\n', '').replace('b Int\n', 'b Intt\n');
    const [error] = prismaValidate([{ path: 's.prisma', text }], { major: 5, allowDatasourceUrls: true });
    assert.equal(text.split('\n')[error.location!.line - 1].slice(error.location!.column - 1, error.location!.endColumn! - 1), 'Intt');
  });
});

describe('prepareForValidator', () => {
  const cases: [string, string, string[]][] = [
    ['["metrics"]', '[         ]', ['metrics']],
    ['["metrics", "views"]', '[           "views"]', ['metrics']],
    ['["views", "metrics"]', '["views"           ]', ['metrics']],
    ['["a", "views", "b", "relationJoins", "c"]', '[     "views",      "relationJoins"     ]', ['a', 'b', 'c']],
    ['[\n    "metrics",\n    "views",\n  ]', '[\n              \n    "views" \n  ]', ['metrics']],
  ];
  for (const [list, expected, removed] of cases) {
    it(`blanks unknown entries and dangling commas in ${JSON.stringify(list)}`, () => {
      const text = `generator c {\n  previewFeatures = ${list}\n}\n`;
      const prepared = prepareForValidator(text, { knownPreviewFeatures: new Set(['views', 'relationJoins']) });
      assert.equal(prepared.text, `generator c {\n  previewFeatures = ${expected}\n}\n`);
      assert.equal(prepared.text.length, text.length);
      assert.deepEqual(
        prepared.removedPreviewFeatures.map((r) => r.name),
        removed,
      );
    });
  }

  it('maps offsets after an inserted url back to the original text', () => {
    const text = 'datasource db {\n  provider = "postgresql"\n}\n\nmodel A {\n  id Int @id\n}\n';
    const prepared = prepareForValidator(text, { ensureUrl: true });
    assert.match(prepared.text, /url = env\("DATABASE_URL"\)/);
    const at = prepared.text.indexOf('model A');
    assert.equal(originalOffset(prepared, at), text.indexOf('model A'));
  });
});
