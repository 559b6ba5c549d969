import { hasAttribute } from '../../schema/query.js';
import { addFieldAttribute, schemaFix } from '../edits.js';
import { exemptOption } from '../exemptions.js';
import { object, string } from '../options.js';
import { defineRule } from '../rule.js';
import { checkTimestampFields } from '../timestamp-fields.js';

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
    checkTimestampFields(schema, options.field ?? 'updatedAt', options.exempt, report, (model, field, data) => {
      if (!hasAttribute(field, 'updatedAt')) {
        report({ target: { kind: 'field', model, field }, messageId: 'noUpdatedAt', data, fix: schemaFix('add @updatedAt', addFieldAttribute(field, '@updatedAt', source(model.span.file))) });
      }
    });
  },
});
