import { databaseName, findField } from '../../schema/query.js';
import { addBlockAttribute, databaseFix } from '../edits.js';
import { createIndexSql, sqlDialect } from '../fix-migration.js';
import { exemptOption, isExempt } from '../exemptions.js';
import { object } from '../options.js';
import { defineRule } from '../rule.js';
import { leadsAnIndex } from '../schema-index.js';

export default defineRule({
  meta: {
    id: 'relation-foreign-key-index',
    description: 'Foreign-key fields are indexed: they lead an `@@index`, `@@unique` or `@@id` (or carry `@id`/`@unique`).',
    why: 'PostgreSQL does not index foreign keys by itself; joins, `include` and cascading deletes then scan the whole table. With relationMode = "prisma" Prisma warns about the same.',
    category: 'relations',
    origin: 'steward',
    fixable: true,
    fixKinds: ['add-index'],
    messages: { notIndexed: 'Foreign key {{model}}({{fields}}) of relation {{field}} is not indexed.' },
    optionsDoc: '`exempt` (model names or "/regex/").',
  },
  options: object({ exempt: exemptOption }),
  check({ schema, index, options, report, source }) {
    const dialect = sqlDialect(schema);
    for (const model of schema.models) {
      if (isExempt(model.name, options.exempt)) continue;
      const added = new Set<string>();
      for (const rel of index.forwardRelations(model)) {
        if (leadsAnIndex(model, rel.fields)) continue;
        const key = rel.fields.join(',');
        const attribute = `@@index([${rel.fields.join(', ')}])`;
        // Two relations over the same fields need one index.
        const columns = rel.fields.map((name) => {
          const field = findField(model, name);
          return field ? databaseName(field) : name;
        });
        const edit = added.has(key)
          ? undefined
          : databaseFix(
              'add-index',
              createIndexSql(dialect, databaseName(model), columns),
              `add ${attribute}`,
              addBlockAttribute(model, attribute, source(model.span.file)),
            );
        added.add(key);
        report({
          target: { kind: 'field', model, field: rel.field },
          messageId: 'notIndexed',
          data: { model: model.name, fields: rel.fields.join(', '), field: rel.field.name },
          fix: edit,
        });
      }
    }
  },
});
