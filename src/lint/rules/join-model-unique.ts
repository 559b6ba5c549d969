import { hasAttribute } from '../../schema/query.js';
import { exemptOption, isExempt } from '../exemptions.js';
import { list, object, string } from '../options.js';
import { defineRule } from '../rule.js';
import { isUniqueWithin } from '../schema-index.js';

export default defineRule({
  meta: {
    id: 'join-model-unique',
    description:
      'A join model (exactly two required to-one relations, every other field an id, a default, optional or a timestamp) has a `@@unique` or `@@id` over its two foreign keys (one foreign key already `@unique` makes the pair unique too).',
    why: 'Without it the same pair (a user in a conversation) can be inserted twice, and every "is X in Y" query becomes ambiguous.',
    category: 'relations',
    origin: 'steward',
    fixable: false,
    messages: { notUnique: 'Join model {{model}} should have @@unique([{{fields}}]).' },
    optionsDoc: '`models` (model names always treated as join models), `exempt` (model names or "/regex/").',
  },
  options: object({ models: list(string), exempt: exemptOption }),
  check({ schema, index, options, report }) {
    for (const model of schema.models) {
      if (isExempt(model.name, options.exempt)) continue;
      const rels = index.forwardRelations(model).filter((r) => !r.field.type.list);
      if (rels.length !== 2) continue;
      const fks = new Set(rels.flatMap((r) => r.fields));
      const forced = options.models?.includes(model.name) ?? false;
      if (!forced) {
        if (rels.some((r) => r.field.type.optional)) continue;
        const payload = model.fields.filter(
          (f) =>
            !index.isRelation(f) &&
            !fks.has(f.name) &&
            !f.type.optional &&
            !hasAttribute(f, 'id') &&
            !hasAttribute(f, 'default') &&
            !hasAttribute(f, 'updatedAt'),
        );
        if (payload.length > 0) continue;
      }
      const fields = [...fks];
      // One foreign key already @unique makes the pair unique too.
      if (isUniqueWithin(model, fields)) continue;
      report({ target: { kind: 'model', model }, messageId: 'notUnique', data: { model: model.name, fields: fields.join(', ') } });
    }
  },
});
