import { prismaLintCamelCase, prismaLintPascalCase, prismaLintSnakeCase } from '../compat/prisma-lint-case.js';
import { allowListOption, matchesAllowList, trimPrefix, trimPrefixOption } from '../compat/prisma-lint-options.js';
import { list, object, oneOf, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'enum-value-case',
    description: 'Enum values follow one case style: snake_case (lower or UPPER), camelCase or PascalCase.',
    why: 'Enum values are stored in the database and compared in code; one style avoids `ACTIVE` beside `Inactive`.',
    category: 'naming',
    origin: 'prisma-lint',
    fixable: false,
    messages: {
      snake: "Enum value should be in snake_case: '{{value}}' (expected '{{expected}}').",
      camel: "Enum value should be in camelCase: '{{value}}' (expected '{{expected}}').",
      pascal: "Enum value should be in PascalCase: '{{value}}' (expected '{{expected}}').",
    },
    optionsDoc: '`style` ("snake" | "camel" | "pascal", required), `case` ("lower" | "upper", for snake), `compoundWords`, `allowList`, `trimPrefix`.',
  },
  options: object(
    {
      style: oneOf(['snake', 'camel', 'pascal'] as const),
      case: oneOf(['lower', 'upper'] as const),
      compoundWords: list(string),
      allowList: allowListOption,
      trimPrefix: trimPrefixOption,
    },
    ['style'],
  ),
  check({ schema, options, report, ignoreParams }) {
    for (const e of schema.enums) {
      const ignored = ignoreParams(e);
      for (const value of e.values) {
        if (ignored.includes(value.name) || matchesAllowList(value.name, options.allowList)) continue;
        const name = trimPrefix(value.name, options.trimPrefix);
        const style = options.style ?? 'snake';
        const expected =
          style === 'pascal'
            ? prismaLintPascalCase(name, { compoundWords: options.compoundWords })
            : style === 'camel'
              ? prismaLintCamelCase(name, { compoundWords: options.compoundWords })
              : prismaLintSnakeCase(name, { compoundWords: options.compoundWords, case: options.case });
        if (name !== expected) report({ target: { kind: 'enumValue', enum: e, value }, messageId: style, data: { value: name, expected } });
      }
    }
  },
});
