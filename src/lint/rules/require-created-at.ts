import { databaseName, getArgument, getAttribute } from '../../schema/query.js';
import { addFieldAttribute, databaseFix } from '../edits.js';
import { setDefaultSql, sqlDialect } from '../fix-migration.js';
import { exemptOption } from '../exemptions.js';
import { object, string } from '../options.js';
import { defineRule } from '../rule.js';
import { checkTimestampFields } from '../timestamp-fields.js';

export default defineRule({
  meta: {
    id: 'require-created-at',
    description: 'Every model has `createdAt DateTime @default(now())`.',
    why: 'The specification: all models must have `createdAt`. Without the default every create call must set it, and rows created by SQL get none.',
    category: 'required-fields',
    origin: 'steward',
    fixable: true,
    fixKinds: ['add-column', 'add-default'],
    messages: {
      missing: 'Model {{model}} has no `{{field}} DateTime @default(now())` field.',
      type: 'Field {{model}}.{{field}} should be DateTime (found {{type}}).',
      noDefault: 'Field {{model}}.{{field}} should have @default(now()).',
      otherDefault: 'Field {{model}}.{{field}} has a default other than now().',
    },
    optionsDoc: '`field` (default "createdAt"), `exempt` (model names or "/regex/").',
  },
  options: object({ field: string, exempt: exemptOption }),
  check({ schema, source, index, options, report }) {
    checkTimestampFields({ schema, index, source }, options.field ?? 'createdAt', options.exempt, '@default(now())', report, (model, field, data) => {
      const target = { kind: 'field' as const, model, field };
      const def = getAttribute(field, 'default');
      if (!def) {
        report({
          target,
          messageId: 'noDefault',
          data,
          fix: databaseFix(
            'add-default',
            setDefaultSql(sqlDialect(schema), databaseName(model), databaseName(field), 'now'),
            'add @default(now())',
            addFieldAttribute(field, '@default(now())', source(model.span.file)),
          ),
        });
        return;
      }
      const value = getArgument(def, 'value', 0)?.value;
      const isNow =
        value?.kind === 'function' &&
        (value.name === 'now' ||
          (value.name === 'dbgenerated' && /now\(\)|current_timestamp/i.test(value.args[0]?.value.kind === 'string' ? value.args[0].value.value : '')));
      if (!isNow) report({ target, messageId: 'otherDefault', data });
    });
  },
});
