import { findField, hasAttribute } from '../../schema/query.js';
import { exemptOption, isExempt } from '../exemptions.js';
import { boolean, object, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'require-id',
    description:
      'Every model has a primary key: a field marked `@id` (`id` by default, any name unless `requireFieldName`) or, when allowed, a compound `@@id`.',
    why: 'The specification: all models must have `id`. A stable primary key is what relations, caches and APIs refer to.',
    category: 'required-fields',
    origin: 'steward',
    fixable: false,
    messages: {
      missing: 'Model {{model}} has no `{{field}}` primary key field.',
      otherName: 'The primary key of {{model}} is `{{actual}}`, not `{{field}}`.',
      notId: 'Field {{model}}.{{field}} exists but is not the primary key (@id).',
    },
    optionsDoc:
      '`field` (default "id"), `requireFieldName` (boolean, default false: the `@id` field must be named `field`; otherwise a natural key such as `domain String @id` counts), `allowCompoundId` (boolean, default true: a `@@id([...])` also counts), `exempt` (model names or "/regex/").',
  },
  options: object({ field: string, requireFieldName: boolean, allowCompoundId: boolean, exempt: exemptOption }),
  check({ schema, options, report }) {
    const name = options.field ?? 'id';
    for (const model of schema.models) {
      if (isExempt(model.name, options.exempt)) continue;
      const field = findField(model, name);
      if (field && hasAttribute(field, 'id')) continue;
      if (options.allowCompoundId !== false && model.attributes.some((a) => a.name === 'id')) continue;
      const key = model.fields.find((f) => hasAttribute(f, 'id'));
      // A natural key (`domain String @id`) is a primary key; a field named `id` beside it that is not one misleads.
      if (key && !field && options.requireFieldName !== true) continue;
      if (key && !field)
        report({ target: { kind: 'field', model, field: key }, messageId: 'otherName', data: { model: model.name, field: name, actual: key.name } });
      else if (field) report({ target: { kind: 'field', model, field }, messageId: 'notId', data: { model: model.name, field: name } });
      else report({ target: { kind: 'model', model }, messageId: 'missing', data: { model: model.name, field: name } });
    }
  },
});
