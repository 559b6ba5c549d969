import { toRegExp } from '../compat/prisma-lint-options.js';
import { list, object, pattern } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'forbid-field',
    description: 'No field matches a forbidden name or pattern.',
    why: 'Bans names a team has decided against (`uuid` beside `id`, `deletedAt` where soft deletion is not used).',
    category: 'conventions',
    origin: 'prisma-lint',
    fixable: false,
    messages: { forbidden: 'Field "{{field}}" is forbid by {{rules}}.' },
    optionsDoc: '`forbid` (names, "/regex/" strings or RegExps, required).',
  },
  options: object({ forbid: list(pattern) }, ['forbid']),
  check({ schema, options, report, ignoreParams }) {
    const forbid = (options.forbid ?? []).map((name) => ({ name, re: toRegExp(name) }));
    for (const model of schema.models) {
      const ignored = new Set(ignoreParams(model));
      for (const field of model.fields) {
        if (ignored.has(field.name)) continue;
        const matches = forbid.filter((f) => f.re.test(field.name));
        if (matches.length === 0) continue;
        const rules = `${matches.length === 1 ? 'rule' : 'rules'}: ${matches.map((m) => `"${String(m.name)}"`).join(', ')}`;
        report({ target: { kind: 'field', model, field }, messageId: 'forbidden', data: { field: field.name, rules } });
      }
    }
  },
});
