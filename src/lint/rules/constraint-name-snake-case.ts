import type { Attribute, Field, Model } from '../../schema/model.js';
import { getArgument } from '../../schema/query.js';
import { matchesCaseStyle } from '../../schema/naming.js';
import { noOptions } from '../options.js';
import { defineRule } from '../rule.js';

const CONSTRAINTS = new Set(['id', 'unique', 'index', 'relation', 'fulltext']);

export default defineRule({
  meta: {
    id: 'constraint-name-snake-case',
    description: 'Explicit index and constraint names (`map:` on `@id`, `@unique`, `@@index`, `@@unique`, `@relation`...) are snake_case.',
    why: 'Database object names follow the same snake_case convention as tables and columns (prisma-lint#498); mixed-case names need quoting in SQL.',
    category: 'naming',
    origin: 'steward',
    fixable: false,
    messages: { notSnake: 'Constraint name "{{name}}" on {{where}} is not snake_case.' },
  },
  options: noOptions,
  check({ schema, report }) {
    const visit = (model: Model, attr: Attribute, field?: Field) => {
      if (!CONSTRAINTS.has(attr.name)) return;
      const map = getArgument(attr, 'map');
      if (!map || map.value.kind !== 'string') return;
      const name = map.value.value;
      if (matchesCaseStyle(name, 'snake')) return;
      const where = `${attr.block ? '@@' : '@'}${attr.name} of ${model.name}${field ? `.${field.name}` : ''}`;
      const target = field ? { kind: 'field' as const, model, field } : { kind: 'model' as const, model };
      report({ target, span: map.value.span, messageId: 'notSnake', data: { name, where } });
    };
    // Indexed loops, and the cheap test before the call: this visits every attribute of the schema.
    for (const model of schema.models) {
      const fields = model.fields;
      for (let i = 0; i < fields.length; i++) {
        const attributes = fields[i].attributes;
        for (let j = 0; j < attributes.length; j++) if (CONSTRAINTS.has(attributes[j].name)) visit(model, attributes[j], fields[i]);
      }
      const attributes = model.attributes;
      for (let j = 0; j < attributes.length; j++) if (CONSTRAINTS.has(attributes[j].name)) visit(model, attributes[j]);
    }
  },
});
