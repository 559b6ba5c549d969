import { allowListOption, matchesAllowList, trimPrefix, trimPrefixOption } from '../compat/prisma-lint-options.js';
import { isCamelCase } from '../../schema/naming.js';
import { object } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'field-name-camel-case',
    description: 'Field names are camelCase (the database column name goes in `@map`).',
    why: 'The specification: camelCase in the Prisma schema, snake_case in the database. Mixed styles (`last_read_at` beside `lastReadAt`) are one of its identified mismatches.',
    category: 'naming',
    origin: 'prisma-lint',
    fixable: false,
    messages: { notCamel: 'Field name should be in camelCase.' },
    optionsDoc: '`allowList` (names or RegExps to skip), `trimPrefix` (string, RegExp or a list).',
  },
  options: object({ allowList: allowListOption, trimPrefix: trimPrefixOption }),
  check({ schema, options, report }) {
    for (const model of schema.models) {
      for (const field of model.fields) {
        if (matchesAllowList(field.name, options.allowList)) continue;
        if (!isCamelCase(trimPrefix(field.name, options.trimPrefix))) report({ target: { kind: 'field', model, field }, messageId: 'notCamel' });
      }
    }
  },
});
