import { noOptions } from '../options.js';
import { defineRule } from '../rule.js';
import { isUniqueCombination, relationName } from '../schema-index.js';

export default defineRule({
  meta: {
    id: 'relation-one-to-one-unique',
    description: 'The foreign key of a one-to-one relation is unique (`@unique` or `@@unique` over its fields).',
    why: 'Without the unique constraint the database allows many rows to point at one record, so the "one-to-one" is one-to-many in the data.',
    category: 'relations',
    origin: 'steward',
    fixable: false,
    messages: { notUnique: 'One-to-one relation {{model}}.{{field}}: foreign key ({{fields}}) should be @unique.' },
  },
  options: noOptions,
  check({ schema, index, report }) {
    for (const model of schema.models) {
      for (const rel of index.forwardRelations(model)) {
        if (rel.field.type.list || !rel.target) continue;
        const name = relationName(rel.field);
        const back = index.relationsTo(model.name).filter((b) => b.model === rel.target && b.field !== rel.field && relationName(b.field) === name);
        if (back.length !== 1 || back[0].field.type.list) continue;
        if (!isUniqueCombination(model, rel.fields)) {
          report({
            target: { kind: 'field', model, field: rel.field },
            messageId: 'notUnique',
            data: { model: model.name, field: rel.field.name, fields: rel.fields.join(', ') },
          });
        }
      }
    }
  },
});
