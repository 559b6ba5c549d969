import { databaseName, getArgument, getAttribute } from '../../schema/query.js';
import { addFieldAttribute, databaseFix } from '../edits.js';
import { setDefaultSql, sqlDialect } from '../fix-migration.js';
import { noOptions } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'require-default-empty-arrays',
    description: 'Scalar and enum list fields default to an empty list (`@default([])`). Relation lists are not checked (Prisma allows no default there).',
    why: 'Without a default, existing rows hold NULL-like empty values and create calls must always pass the list.',
    category: 'conventions',
    origin: 'prisma-lint',
    fixable: true,
    fixKinds: ['add-default'],
    messages: { emptyDefault: 'Array field must default to empty array.' },
  },
  options: noOptions,
  check({ schema, source, index, report }) {
    const dialect = sqlDialect(schema);
    for (const model of schema.models) {
      for (const field of model.fields) {
        // Relation and composite lists cannot have a default in Prisma (prisma-lint reports them anyway).
        if (!field.type.list || !index.isScalarOrEnum(field)) continue;
        const def = getAttribute(field, 'default');
        const value = def ? getArgument(def, 'value', 0)?.value : undefined;
        if (value?.kind === 'array' && value.items.length === 0) continue;
        const canFix = !def;
        report({
          target: { kind: 'field', model, field },
          messageId: 'emptyDefault',
          fix: canFix
            ? databaseFix(
                'add-default',
                setDefaultSql(dialect, databaseName(model), databaseName(field), 'empty-list'),
                'add @default([])',
                addFieldAttribute(field, '@default([])', source(model.span.file)),
              )
            : undefined,
        });
      }
    }
  },
});
