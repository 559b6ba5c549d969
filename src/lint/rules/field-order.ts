import { list, object, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'field-order',
    description: 'Listed fields appear in the configured order (`...` stands for any other fields).',
    why: 'Keeping `id` first and timestamps last makes every model read the same way.',
    category: 'conventions',
    origin: 'prisma-lint',
    fixable: false,
    messages: { order: 'Fields are not in the expected order: {{expected}}.' },
    optionsDoc: '`order` (field names and "...", required).',
  },
  options: object({ order: list(string) }, ['order']),
  check({ schema, options, report }) {
    const order = options.order ?? [];
    for (const model of schema.models) {
      const actual = model.fields.map((f) => f.name);
      const present = new Set(actual);
      const expected = order.filter((n) => present.has(n) || n === '...');
      let e = 0;
      let a = 0;
      let outOfOrder = 0;
      while (e < expected.length && a < actual.length) {
        if (actual[a] === expected[e]) {
          e++;
          a++;
          continue;
        }
        if (expected[e] === '...') {
          if (actual[a] === expected[e + 1]) e++;
          else a++;
          continue;
        }
        outOfOrder++;
        a++;
      }
      if (a < actual.length) outOfOrder += actual.length - a;
      if (outOfOrder > 0) report({ target: { kind: 'model', model }, messageId: 'order', data: { expected: expected.map((f) => `"${f}"`).join(', ') } });
    }
  },
});
