import { getArgument, getAttribute } from '../../schema/query.js';
import { prismaLintSnakeCase } from '../compat/prisma-lint-case.js';
import { addBlockAttribute, databaseFix, replaceSpan } from '../edits.js';
import { renameTableSql, sqlDialect } from '../fix-migration.js';
import { boolean, list, object, record, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'model-name-mapping-snake-case',
    description: "Every model is `@@map`ped to prisma-lint's snake_case of its name (optionally pluralized).",
    why: "prisma-lint compatibility. Steward's table-name-snake-case does the same with acronym-aware word splitting.",
    category: 'naming',
    origin: 'prisma-lint',
    fixable: true,
    fixKinds: ['rename-table'],
    messages: { mapRequired: 'Model name must be mapped to snake case.', mapTo: 'Model name must be mapped to "{{expected}}".' },
    optionsDoc: '`compoundWords`, `irregularPlurals` (singular → plural), `pluralize` (boolean), `trimPrefix` (string).',
  },
  options: object({ compoundWords: list(string), irregularPlurals: record(string), pluralize: boolean, trimPrefix: string }),
  check({ schema, options, report, source }) {
    const dialect = sqlDialect(schema);
    for (const model of schema.models) {
      const expected = prismaLintSnakeCase(model.name, {
        compoundWords: options.compoundWords ?? [],
        trimPrefix: options.trimPrefix ?? '',
        pluralize: options.pluralize ?? false,
        irregularPlurals: options.irregularPlurals ?? {},
      });
      const map = getAttribute({ attributes: model.attributes }, 'map');
      const arg = map ? getArgument(map, 'name', 0) : undefined;
      const target = { kind: 'model' as const, model };
      if (!arg || arg.value.kind !== 'string') {
        report({
          target,
          messageId: 'mapRequired',
          fix: map
            ? undefined
            : databaseFix(
                'rename-table',
                renameTableSql(dialect, model.name, expected),
                `add @@map("${expected}")`,
                addBlockAttribute(model, `@@map("${expected}")`, source(model.span.file)),
              ),
        });
        continue;
      }
      if (arg.value.value !== expected)
        report({
          target,
          messageId: 'mapTo',
          data: { expected },
          fix: databaseFix(
            'rename-table',
            renameTableSql(dialect, arg.value.value, expected),
            `map to "${expected}"`,
            replaceSpan(arg.value.span, JSON.stringify(expected)),
          ),
        });
    }
  },
});
