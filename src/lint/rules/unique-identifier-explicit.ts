import { docText, fieldRefs, getArgument, hasAttribute } from '../../schema/query.js';
import { nameMatcher, toRegExp } from '../compat/prisma-lint-options.js';
import { exemptOption, isExempt } from '../exemptions.js';
import { list, object, pattern } from '../options.js';
import { defineRule } from '../rule.js';

export const DEFAULT_UNIQUE_NAMES = ['email', 'username', 'slug', 'handle', 'apiKey', 'shareToken', 'inviteToken', 'sessionToken', 'token'];

export default defineRule({
  meta: {
    id: 'unique-identifier-explicit',
    description:
      'Fields that identify a record by name or documentation (emails, slugs, tokens; a `///` comment saying "unique") are `@unique` or part of a `@@unique`/`@@id`.',
    why: 'The specification: unique constraints must be explicitly defined. A lookup by token or slug without the constraint returns whichever duplicate the database finds first.',
    category: 'uniques',
    origin: 'steward',
    fixable: false,
    messages: { notUnique: '{{model}}.{{field}} looks like a unique identifier ({{reason}}) but has no unique constraint.' },
    optionsDoc: `\`names\` (names, "/regex/" strings or RegExps; default ${JSON.stringify(DEFAULT_UNIQUE_NAMES)}), \`docPattern\` (default "/\\\\bunique\\\\b/i" on the field's \`///\` docs), \`exempt\` (model names or "/regex/").`,
  },
  options: object({ names: list(pattern), docPattern: pattern, exempt: exemptOption }),
  check({ schema, index, options, report }) {
    const isIdentifierName = nameMatcher(options.names ?? DEFAULT_UNIQUE_NAMES);
    const docPattern = options.docPattern === undefined ? /\bunique\b/i : toRegExp(options.docPattern);
    for (const model of schema.models) {
      if (isExempt(model.name, options.exempt)) continue;
      let covered: Set<string> | undefined;
      for (const field of model.fields) {
        if (field.type.list || index.isRelation(field)) continue;
        const byName = isIdentifierName(field.name);
        const docs = field.docs.length > 0 ? docText(field) : '';
        const byDoc = !byName && docs !== '' && docPattern.test(docs);
        if (!byName && !byDoc) continue;
        if (hasAttribute(field, 'unique') || hasAttribute(field, 'id')) continue;
        covered ??= new Set(
          model.attributes.filter((a) => a.name === 'unique' || a.name === 'id').flatMap((a) => fieldRefs(getArgument(a, 'fields', 0)?.value)),
        );
        if (covered.has(field.name)) continue;
        report({
          target: { kind: 'field', model, field },
          messageId: 'notUnique',
          data: { model: model.name, field: field.name, reason: byName ? 'by its name' : 'by its documentation' },
        });
      }
    }
  },
});
