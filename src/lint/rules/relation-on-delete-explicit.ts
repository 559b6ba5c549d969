import { findProvider } from '../../providers/registry.js';
import { datasourceProvider, getArgument, getAttribute } from '../../schema/query.js';
import { addAttributeArgument, schemaFix } from '../edits.js';
import { noOptions } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'relation-on-delete-explicit',
    description: 'Every relation with foreign keys states `onDelete` explicitly.',
    why: "The default (Restrict for required, SetNull for optional relations; NoAction on SQL Server) is rarely what a reader assumes. The fix writes today's default, so behaviour does not change.",
    category: 'relations',
    origin: 'steward',
    fixable: true,
    fixKinds: ['schema-only'],
    messages: { missing: 'Relation {{model}}.{{field}} does not state onDelete (today: {{current}}).' },
  },
  options: noOptions,
  check({ schema, index, report, source }) {
    // Prisma's default onDelete of the provider, when known (the adapter's onDeleteDefaults).
    const defaults = findProvider(datasourceProvider(schema))?.onDeleteDefaults;
    for (const model of schema.models) {
      for (const rel of index.forwardRelations(model)) {
        const relation = getAttribute(rel.field, 'relation')!;
        if (getArgument(relation, 'onDelete')) continue;
        const current = defaults ? (rel.field.type.optional ? defaults.optional : defaults.required) : undefined;
        report({
          target: { kind: 'field', model, field: rel.field },
          messageId: 'missing',
          data: { model: model.name, field: rel.field.name, current: current ?? 'the provider default' },
          fix: current ? schemaFix(`add onDelete: ${current}`, addAttributeArgument(relation, `onDelete: ${current}`, source(model.span.file))) : undefined,
        });
      }
    }
  },
});
