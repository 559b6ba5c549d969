import { isRegexOrRegexStr } from '../compat/prisma-lint-options.js';
import { list, object, pattern, string, union } from '../options.js';
import { defineRule } from '../rule.js';

const condition = object({ name: string, ifSibling: pattern }, ['name', 'ifSibling']);

export default defineRule({
  meta: {
    id: 'require-field',
    description: 'Every model has the listed fields (or has one when a sibling field exists).',
    why: 'Enforces house fields such as `tenantId` everywhere, or `revisionCreatedAt` wherever `revisionId` exists.',
    category: 'conventions',
    origin: 'prisma-lint',
    fixable: false,
    messages: { missing: 'Missing required fields: {{fields}}.' },
    optionsDoc: '`require` (list of names or `{ name, ifSibling }` where ifSibling is a name, "/regex/" or RegExp; required).',
  },
  options: object({ require: list(union(string, condition, (v) => (typeof v === 'string' ? 'a' : 'b'))) }, ['require']),
  check({ schema, options, report, ignoreParams }) {
    const req = options.require ?? [];
    const names = req.filter((r): r is string => typeof r === 'string');
    const conditions = req.filter((r): r is { name?: string; ifSibling?: string | RegExp } => typeof r === 'object');
    const simple = conditions.filter((c) => !isRegexOrRegexStr(c.ifSibling));
    const regex = conditions
      .filter((c) => isRegexOrRegexStr(c.ifSibling))
      .map((c) => ({ ...c, re: typeof c.ifSibling === 'string' ? new RegExp(c.ifSibling.slice(1, -1)) : (c.ifSibling as RegExp) }));
    for (const model of schema.models) {
      const ignored = new Set(ignoreParams(model));
      const present = new Set(model.fields.map((f) => f.name));
      const missing: string[] = [];
      for (const name of names) if (!ignored.has(name) && !present.has(name)) missing.push(name);
      for (const c of simple) if (!ignored.has(c.name!) && present.has(c.ifSibling as string) && !present.has(c.name!)) missing.push(c.name!);
      for (const c of regex) if (!ignored.has(c.name!) && model.fields.some((f) => c.re.test(f.name)) && !present.has(c.name!)) missing.push(c.name!);
      if (missing.length > 0) report({ target: { kind: 'model', model }, messageId: 'missing', data: { fields: missing.map((f) => `"${f}"`).join(', ') } });
    }
  },
});
