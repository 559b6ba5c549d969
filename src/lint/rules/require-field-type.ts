import { toRegExp } from '../compat/prisma-lint-options.js';
import { list, object, pattern, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'require-field-type',
    description: 'Fields whose names match a pattern have the configured type (and native type).',
    why: 'Keeps conventions such as "every `id` is a String with `@db.Uuid`" true across the schema.',
    category: 'conventions',
    origin: 'prisma-lint',
    fixable: false,
    messages: { conflict: 'Field has conflicting type require: {{matches}}.', mismatch: '{{problems}}' },
    optionsDoc: '`require` (list of `{ ifName, type, nativeType? }`, required).',
  },
  options: object({ require: list(object({ ifName: pattern, type: string, nativeType: string }, ['ifName', 'type'])) }, ['require']),
  check({ schema, options, report }) {
    const requirements = (options.require ?? []).map((r) => ({ ...r, re: toRegExp(r.ifName ?? '') }));
    for (const model of schema.models) {
      for (const field of model.fields) {
        const matches = requirements.filter((r) => r.re.test(field.name));
        if (matches.length === 0) continue;
        const target = { kind: 'field' as const, model, field };
        const conflicting = new Set(matches.map((m) => m.type)).size > 1 || new Set(matches.map((m) => m.nativeType).filter(Boolean)).size > 1;
        if (conflicting) {
          const shown = JSON.stringify(matches.map(({ ifName, type, nativeType }) => ({ ifName, type, nativeType })));
          report({ target, messageId: 'conflict', data: { matches: shown } });
        }
        const problems: string[] = [];
        const actualType = field.type.unsupported !== undefined ? 'Unsupported' : field.type.name;
        if (actualType !== matches[0].type) problems.push(`Field type "${actualType}" does not match expected type "${matches[0].type}".`);
        const expectedNative = matches[0].nativeType;
        const actualNative = field.attributes.find((a) => a.name.startsWith('db.'))?.name.slice(3);
        if (expectedNative && !actualNative) problems.push(`Field native type is not specified, but expected native type "${expectedNative}".`);
        else if (expectedNative && actualNative !== expectedNative)
          problems.push(`Field native type "${actualNative}" does not match expected native type "${expectedNative}".`);
        if (problems.length > 0) report({ target, messageId: 'mismatch', data: { problems: problems.join('\n') } });
      }
    }
  },
});
