import pluralize from 'pluralize';
import { isRegexOrRegexStr, toRegExp } from '../compat/prisma-lint-options.js';
import { list, object, oneOf, pattern } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'model-name-grammatical-number',
    description: 'Model names are all singular (or all plural).',
    why: 'A model is one record (`User`), and mixing `User` with `Orders` makes client code read oddly.',
    category: 'conventions',
    origin: 'prisma-lint',
    fixable: false,
    messages: { singular: 'Expected singular model name.', plural: 'Expected plural model name.' },
    optionsDoc: '`style` ("singular" | "plural", required), `allowlist` (names, "/regex/" strings or RegExps).',
  },
  options: object({ style: oneOf(['singular', 'plural'] as const), allowlist: list(pattern) }, ['style']),
  check({ schema, options, report }) {
    const allow = options.allowlist ?? [];
    const simple = allow.filter((s) => !isRegexOrRegexStr(s));
    const regexes = allow.filter((s) => isRegexOrRegexStr(s)).map(toRegExp);
    for (const model of schema.models) {
      if (simple.includes(model.name) || regexes.some((r) => r.test(model.name))) continue;
      const plural = pluralize.isPlural(model.name);
      if (plural && options.style === 'singular') report({ target: { kind: 'model', model }, messageId: 'singular' });
      if (!plural && options.style === 'plural') report({ target: { kind: 'model', model }, messageId: 'plural' });
    }
  },
});
