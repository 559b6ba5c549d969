import { findField } from '../../schema/query.js';
import { noOptions } from '../options.js';
import { defineRule } from '../rule.js';
import { isUniqueCombination } from '../schema-index.js';

export default defineRule({
  meta: {
    id: 'relation-foreign-keys',
    description:
      'Relation foreign keys are sound: `fields` and `references` have the same length, every field exists, their types match the referenced fields, and `references` point at an `@id` or `@unique`.',
    why: 'The specification: relationship models must have proper foreign keys. Mismatched types or references to non-unique columns produce migrations the database rejects.',
    category: 'relations',
    origin: 'steward',
    fixable: false,
    messages: {
      length: 'Relation {{model}}.{{field}} has {{fields}} foreign-key field(s) but {{references}} referenced field(s).',
      missingField: 'Relation {{model}}.{{field}} uses foreign-key field `{{name}}`, which {{model}} does not have.',
      missingReference: 'Relation {{model}}.{{field}} references `{{name}}`, which {{target}} does not have.',
      typeMismatch: 'Foreign key {{model}}.{{name}} is {{type}} but references {{target}}.{{reference}} of type {{referenceType}}.',
      notUnique: 'Relation {{model}}.{{field}} references {{target}}({{references}}), which is neither @id nor @unique.',
    },
  },
  options: noOptions,
  check({ schema, index, report }) {
    for (const model of schema.models) {
      for (const rel of index.forwardRelations(model)) {
        const target = { kind: 'field' as const, model, field: rel.field };
        const base = { model: model.name, field: rel.field.name, target: rel.field.type.name };
        if (rel.fields.length !== rel.references.length) {
          report({ target, messageId: 'length', data: { ...base, fields: rel.fields.length, references: rel.references.length } });
          continue;
        }
        let sound = true;
        rel.fields.forEach((name, i) => {
          const fk = findField(model, name);
          const refName = rel.references[i];
          const ref = rel.target ? findField(rel.target, refName) : undefined;
          if (!fk) {
            sound = false;
            report({ target, messageId: 'missingField', data: { ...base, name } });
          }
          if (rel.target && !ref) {
            sound = false;
            report({ target, messageId: 'missingReference', data: { ...base, name: refName } });
          }
          if (fk && ref && fk.type.name !== ref.type.name) {
            sound = false;
            report({
              target: { kind: 'field', model, field: fk },
              messageId: 'typeMismatch',
              data: { ...base, name, type: fk.type.name, reference: refName, referenceType: ref.type.name },
            });
          }
        });
        if (sound && rel.target && rel.references.length > 0 && !isUniqueCombination(rel.target, rel.references)) {
          report({ target, messageId: 'notUnique', data: { ...base, references: rel.references.join(', ') } });
        }
      }
    }
  },
});
