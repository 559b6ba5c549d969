import { findField, hasAttribute } from '../../schema/query.js';
import { addFieldAttribute, fix } from '../edits.js';
import { exemptOption, isExempt } from '../exemptions.js';
import { object, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'require-updated-at',
    description: 'Every model has `updatedAt DateTime @updatedAt`.',
    why: 'The specification: all models must have `updatedAt`. `@updatedAt` makes Prisma Client maintain it; without it the value silently goes stale.',
    category: 'required-fields',
    origin: 'steward',
    fixable: true,
    messages: {
      missing: 'Model {{model}} has no `{{field}} DateTime @updatedAt` field.',
      type: 'Field {{model}}.{{field}} should be DateTime (found {{type}}).',
      noUpdatedAt: 'Field {{model}}.{{field}} should have @updatedAt.',
    },
    optionsDoc: '`field` (default "updatedAt"), `exempt` (model names or "/regex/").',
  },
  options: object({ field: string, exempt: exemptOption }),
  check({ schema, source, options, report }) {
    const name = options.field ?? 'updatedAt';
    for (const model of schema.models) {
      if (isExempt(model.name, options.exempt)) continue;
      const field = findField(model, name);
      const data = { model: model.name, field: name };
      if (!field) {
        report({ target: { kind: 'model', model }, messageId: 'missing', data });
        continue;
      }
      const target = { kind: 'field' as const, model, field };
      if (field.type.name !== 'DateTime') report({ target, messageId: 'type', data: { ...data, type: field.type.name } });
      else if (!hasAttribute(field, 'updatedAt')) report({ target, messageId: 'noUpdatedAt', data, fix: fix('add @updatedAt', addFieldAttribute(field, '@updatedAt', source(model.span.file))) });
    }
  },
});
