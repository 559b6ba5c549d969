import pluralize from 'pluralize';
import { list, object, oneOf, pattern } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'field-name-grammatical-number',
    description: 'List fields have plural (or singular) names.',
    why: '`tags String[]` and `posts Post[]` read as collections; `tag String[]` invites bugs.',
    category: 'conventions',
    origin: 'prisma-lint',
    fixable: false,
    messages: { singular: 'Expected singular name for list field.', plural: 'Expected plural name for list field.' },
    optionsDoc: '`ifList` ("singular" | "plural", required), `ifListAllow` (names or RegExps to skip).',
  },
  options: object({ ifList: oneOf(['singular', 'plural'] as const), ifListAllow: list(pattern) }, ['ifList']),
  check({ schema, options, report }) {
    const allow = options.ifListAllow ?? [];
    for (const model of schema.models) {
      for (const field of model.fields) {
        if (!field.type.list) continue;
        if (allow.includes(field.name) || allow.some((a) => a instanceof RegExp && a.test(field.name))) continue;
        const plural = pluralize.isPlural(field.name);
        if (plural && options.ifList === 'singular') report({ target: { kind: 'field', model, field }, messageId: 'singular' });
        if (!plural && options.ifList === 'plural') report({ target: { kind: 'field', model, field }, messageId: 'plural' });
      }
    }
  },
});
