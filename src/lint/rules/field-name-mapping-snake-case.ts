import type { TextEdit } from '../../diagnostics/diagnostic.js';
import { isScalarType } from '../../schema/model.js';
import { databaseName, getArgument, getAttribute } from '../../schema/query.js';
import { prismaLintSnakeCase } from '../compat/prisma-lint-case.js';
import { addFieldAttribute, databaseFix, replaceSpan } from '../edits.js';
import { renameColumnSql, sqlDialect } from '../fix-migration.js';
import { boolean, list, object, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'field-name-mapping-snake-case',
    description: "Scalar fields whose name is not all lowercase are `@map`ped to prisma-lint's snake_case of the name.",
    why: "prisma-lint compatibility. Steward's column-name-snake-case does the same with acronym-aware word splitting (`userID` → `user_id`, not `user_i_d`).",
    category: 'naming',
    origin: 'prisma-lint',
    fixable: true,
    fixKinds: ['rename-column'],
    messages: { mapRequired: 'Field name must be mapped to snake case.', mapTo: 'Field name must be mapped to "{{expected}}".' },
    optionsDoc: '`compoundWords` (strings kept together), `requireUnderscorePrefixForIds` (boolean: ids map to `_id`).',
  },
  options: object({ compoundWords: list(string), requireUnderscorePrefixForIds: boolean }),
  check({ schema, source, index, options, report, ignoreParams }) {
    const dialect = sqlDialect(schema);
    for (const model of schema.models) {
      const ignored = ignoreParams(model);
      const table = databaseName(model);
      const rename = (from: string, to: string, description: string, edit: TextEdit) =>
        databaseFix('rename-column', renameColumnSql(dialect, table, from, to), description, edit);
      const columns = new Set(model.fields.filter((f) => !index.isRelation(f)).map((f) => databaseName(f)));
      // Fixes only when the new column name is free: a taken name would make Prisma reject the schema.
      const planned = new Map<string, number>();
      for (const f of model.fields) {
        if (index.isRelation(f)) continue;
        const e = prismaLintSnakeCase(f.name, { compoundWords: options.compoundWords });
        if (databaseName(f) !== e) planned.set(e, (planned.get(e) ?? 0) + 1);
      }
      const free = (name: string) => !columns.has(name) && (planned.get(name) ?? 0) <= 1;
      for (const field of model.fields) {
        if (ignored.includes(field.name)) continue;
        const type = field.type.name;
        if (field.type.unsupported === undefined && !isScalarType(type) && !index.enumNames.has(type) && !index.typeNames.has(type)) continue;
        const idPrefix = options.requireUnderscorePrefixForIds === true && field.attributes.some((a) => a.name === 'id');
        const required = field.name.toLowerCase() !== field.name || idPrefix;
        let expected = prismaLintSnakeCase(field.name, { compoundWords: options.compoundWords });
        if (idPrefix) expected = `_${expected}`;
        const map = getAttribute(field, 'map');
        const arg = map ? getArgument(map, 'name', 0) : undefined;
        const target = { kind: 'field' as const, model, field };
        if (!arg || arg.value.kind !== 'string') {
          if (required)
            report({
              target,
              messageId: 'mapRequired',
              fix:
                map || !free(expected)
                  ? undefined
                  : rename(field.name, expected, `add @map("${expected}")`, addFieldAttribute(field, `@map("${expected}")`, source(model.span.file))),
            });
          continue;
        }
        // MongoDB ids must stay mapped to _id.
        const fixable = free(expected) && !(arg.value.value === '_id' && field.attributes.some((a) => a.name === 'id'));
        if (arg.value.value !== expected)
          report({
            target,
            messageId: 'mapTo',
            data: { expected },
            fix: !fixable ? undefined : rename(arg.value.value, expected, `map to "${expected}"`, replaceSpan(arg.value.span, JSON.stringify(expected))),
          });
      }
    }
  },
});
