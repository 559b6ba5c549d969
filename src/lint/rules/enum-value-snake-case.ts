import { allowListOption, trimPrefixOption } from '../compat/prisma-lint-options.js';
import { list, object, oneOf, string } from '../options.js';
import { defineRule } from '../rule.js';
import enumValueCase from './enum-value-case.js';

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
  check(context) {
    // enum-value-case with style "snake": same findings, reported under this rule's id.
    enumValueCase.check({ ...context, options: { ...context.options, style: 'snake' } });
  },
});
