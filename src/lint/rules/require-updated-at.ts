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
    fixKinds: ['add-column', 'schema-only'],
    messages: {
      missing: 'Model {{model}} has no `{{field}} DateTime @updatedAt` field.',
      type: 'Field {{model}}.{{field}} should be DateTime (found {{type}}).',
      noUpdatedAt: 'Field {{model}}.{{field}} should have @updatedAt.',
    },
    optionsDoc: '`field` (default "updatedAt"), `exempt` (model names or "/regex/").',
  },
  options: object({ field: string, exempt: exemptOption }),
  check({ schema, source, index, options, report }) {
    // The default gives rows that exist before the column a value; @updatedAt keeps it current.
    checkTimestampFields(
      { schema, index, source },
      options.field ?? 'updatedAt',
      options.exempt,
      '@default(now()) @updatedAt',
      report,
      (model, field, data) => {
        if (!hasAttribute(field, 'updatedAt')) {
          report({
            target: { kind: 'field', model, field },
            messageId: 'noUpdatedAt',
            data,
            fix: schemaFix('add @updatedAt', addFieldAttribute(field, '@updatedAt', source(model.span.file))),
          });
        }
      },
    );
  },
});
