import { isScalarType } from '../../schema/model.js';
import { hasAttribute } from '../../schema/query.js';
import { noOptions } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'forbid-required-ignored-field',
    description: 'A required scalar field marked `@ignore` has a `@default`.',
    why: 'Prisma Client cannot write an ignored field, so creating a record fails when the column is NOT NULL without a default.',
    category: 'conventions',
    origin: 'prisma-lint',
    fixable: false,
    messages: { requiredIgnored: 'Do not ignore a required field without a default value.' },
  },
  options: noOptions,
  check({ schema, report }) {
    for (const model of schema.models) {
      for (const field of model.fields) {
        if (!hasAttribute(field, 'ignore') || hasAttribute(field, 'default') || field.type.optional) continue;
        if (field.type.unsupported === undefined && !isScalarType(field.type.name)) continue;
        report({ target: { kind: 'field', model, field }, messageId: 'requiredIgnored' });
      }
    }
  },
});
