import { prismaLintSnakeCase } from '../compat/prisma-lint-case.js';
import { allowListOption, matchesAllowList, trimPrefix, trimPrefixOption } from '../compat/prisma-lint-options.js';
import { list, object, oneOf, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'enum-value-snake-case',
    description: 'Enum values are snake_case (deprecated in prisma-lint in favour of enum-value-case; kept for existing configurations).',
    why: 'See enum-value-case.',
    category: 'naming',
    origin: 'prisma-lint',
    fixable: false,
    messages: { snake: "Enum value should be in snake_case: '{{value}}' (expected '{{expected}}')." },
    optionsDoc: '`case` ("lower" | "upper"), `compoundWords`, `allowList`, `trimPrefix`.',
  },
  options: object({ case: oneOf(['lower', 'upper'] as const), compoundWords: list(string), allowList: allowListOption, trimPrefix: trimPrefixOption }),
  check({ schema, options, report, ignoreParams }) {
    for (const e of schema.enums) {
      const ignored = ignoreParams(e);
      for (const value of e.values) {
        if (ignored.includes(value.name) || matchesAllowList(value.name, options.allowList)) continue;
        const name = trimPrefix(value.name, options.trimPrefix);
        const expected = prismaLintSnakeCase(name, { compoundWords: options.compoundWords, case: options.case });
        if (name !== expected) report({ target: { kind: 'enumValue', enum: e, value }, messageId: 'snake', data: { value: name, expected } });
      }
    }
  },
});
