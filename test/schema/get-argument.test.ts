import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSchema } from '../../src/schema/parse.js';
import { findModel, getArgument, getAttribute } from '../../src/schema/query.js';

describe('getArgument', () => {
  const schema = parseSchema('model A {\n  id Int @id\n  a Int\n  b Int\n  @@index([a], name: "n", map: "m")\n  @@unique(fields: [a, b], map: "u")\n}\n');
  const model = findModel(schema, 'A')!;
  const index = getAttribute(model, 'index')!;
  const unique = getAttribute(model, 'unique')!;

  it('finds a named argument before positions are considered', () => {
    assert.equal(getArgument(index, 'map', 0)!.name, 'map');
    assert.equal(getArgument(unique, 'fields', 0)!.name, 'fields');
  });

  it('falls back to the positional argument at the position', () => {
    assert.equal(getArgument(index, 'fields', 0)!.value.kind, 'array');
    assert.equal(getArgument(index, 'fields', 1), undefined);
  });

  it('without a position only a named argument is found', () => {
    assert.equal(getArgument(index, 'fields'), undefined);
    assert.equal(getArgument(unique, 'length'), undefined);
  });
});
