import type { Model } from '../../schema/model.js';
import { fieldRefs, getArgument, getAttribute, hasAttribute } from '../../schema/query.js';
import { toRegExp } from '../compat/prisma-lint-options.js';
import { boolean, list, object, pattern, union } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'require-field-index',
    description: 'Fields matching configured names, or every relation scalar field, lead an `@@index` or `@@unique`.',
    why: "prisma-lint compatibility. Unindexed foreign keys make joins and cascades scan the table. Steward's relation-foreign-key-index checks the same for foreign keys with a fix.",
    category: 'relations',
    origin: 'prisma-lint',
    fixable: false,
    messages: { index: 'Field "{{field}}" must have an index.' },
    optionsDoc: '`forAllRelations` (boolean), `forNames` (a name, "/regex/" or a list of them).',
  },
  options: object({ forAllRelations: boolean, forNames: union(pattern, list(pattern), (v) => (Array.isArray(v) ? 'b' : 'a')) }),
  check({ schema, options, report, ignoreParams }) {
    const forNames = options.forNames === undefined ? [] : Array.isArray(options.forNames) ? options.forNames : [options.forNames];
    const patterns = forNames.map(toRegExp);
    for (const model of schema.models) {
      const ignored = new Set(ignoreParams(model));
      let indexed: Set<string> | undefined;
      let relations: Set<string> | undefined;
      for (const field of model.fields) {
        if (ignored.has(field.name) || hasAttribute(field, 'id') || hasAttribute(field, 'unique')) continue;
        const target = { kind: 'field' as const, model, field };
        if (patterns.some((p) => p.test(field.name))) {
          indexed ??= leadingIndexFields(model);
          if (!indexed.has(field.name)) {
            report({ target, messageId: 'index', data: { field: field.name } });
            continue;
          }
        }
        if (options.forAllRelations) {
          indexed ??= leadingIndexFields(model);
          relations ??= relationScalarFields(model);
          if (relations.has(field.name) && !indexed.has(field.name)) report({ target, messageId: 'index', data: { field: field.name } });
        }
      }
    }
  },
});

/** First field of every @@index and @@unique (prisma-lint does not count @@id). */
function leadingIndexFields(model: Model): Set<string> {
  const set = new Set<string>();
  for (const attr of model.attributes) {
    if (attr.name !== 'index' && attr.name !== 'unique') continue;
    const first = fieldRefs(getArgument(attr, 'fields', 0)?.value)[0];
    if (first) set.add(first);
  }
  return set;
}

function relationScalarFields(model: Model): Set<string> {
  const set = new Set<string>();
  for (const field of model.fields) {
    const relation = getAttribute(field, 'relation');
    if (!relation) continue;
    for (const name of fieldRefs(getArgument(relation, 'fields')?.value)) set.add(name);
  }
  return set;
}
