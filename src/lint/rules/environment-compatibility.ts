import { CHANGE_CODES, type ChangeCode } from '../../generate/changes.js';
import { transformForEnvironment } from '../../generate/transform.js';
import { normalizeProvider } from '../../providers/registry.js';
import { datasourceProvider, findField } from '../../schema/query.js';
import { noOptions } from '../options.js';
import { defineRule, type LintTarget } from '../rule.js';

/**
 * Generation changes that lose something in the environment. Decided by generation's own
 * change list (severity warning), minus removals the master asked for with annotations.
 */
const INTENDED: ReadonlySet<ChangeCode> = new Set(['field-removed', 'excluded-by-annotation', 'attribute-excluded', 'override-applied']);

export function isLossyChange(code: ChangeCode): boolean {
  return CHANGE_CODES[code].severity === 'warning' && !INTENDED.has(code);
}

export default defineRule({
  meta: {
    id: 'environment-compatibility',
    description:
      "Constructs that an environment's generated schema converts with loss (lists to JSON, native types, index types, extensions, enums on SQL Server...) are reported per environment, unless the master carries an explicit `@steward.override(env)` or `@steward.exclude(env)`.",
    why: 'The specification: SQLite schemas must not use PostgreSQL-specific features; array fields need JSON alternatives; complex constraints need fallback strategies. Each finding says what happens in that environment, so the loss is a decision and not a surprise.',
    category: 'environment',
    origin: 'steward',
    fixable: false,
    messages: { lossy: '{{message}}' },
  },
  options: noOptions,
  check({ schema, index, environments, report }) {
    const masterProvider = normalizeProvider(datasourceProvider(schema));
    for (const env of environments) {
      // Same provider, same capability table: generation converts nothing with loss there.
      if (env.provider === masterProvider) continue;
      const { changes } = transformForEnvironment(schema, env);
      // Thousands of changes on a large master: indexed loop, one note text per change code.
      const codeNotes = new Map<ChangeCode, string>();
      for (let i = 0; i < changes.length; i++) {
        const change = changes[i];
        if (!isLossyChange(change.code)) continue;
        const target = targetOf(change.model, change.field);
        if (!target) continue;
        let codeNote = codeNotes.get(change.code);
        if (codeNote === undefined) codeNotes.set(change.code, (codeNote = `${CHANGE_CODES[change.code].summary} (${change.code})`));
        report({
          target,
          span: change.location,
          env: env.name,
          messageId: 'lossy',
          data: { message: change.message },
          notes: change.typeImpact ? [codeNote, `Prisma Client: ${change.typeImpact}`] : [codeNote],
        });
      }
    }

    function targetOf(modelName: string | undefined, fieldName: string | undefined): LintTarget | undefined {
      if (!modelName) return schema.datasources[0] ? { kind: 'config', block: schema.datasources[0] } : undefined;
      const model = index.modelsByName.get(modelName) ?? schema.types.find((t) => t.name === modelName);
      if (model) {
        const field = fieldName ? findField(model, fieldName) : undefined;
        return field ? { kind: 'field', model, field } : { kind: 'model', model };
      }
      const e = schema.enums.find((x) => x.name === modelName);
      return e ? { kind: 'enum', enum: e } : undefined;
    }
  },
});
