import type { Fix } from '../diagnostics/diagnostic.js';
import type { Field, Model } from '../schema/model.js';
import { schemaNamingConvention, toSnakeCase } from '../schema/naming.js';
import { databaseName, findField } from '../schema/query.js';
import { addFieldLine, databaseFix } from './edits.js';
import { isExempt } from './exemptions.js';
import { addTimestampColumnSql, sqlDialect } from './fix-migration.js';
import type { RuleContext, RuleReport } from './rule.js';

/**
 * What require-created-at and require-updated-at share: every model (but the exempt ones) has
 * a DateTime field `name`. A missing field is reported as 'missing', with a fix that adds it
 * (`attributes` after the type, always with a default so tables with rows accept the column);
 * one of another type as 'type'; `check` gets each DateTime field to test its attributes.
 */
export function checkTimestampFields(
  context: Pick<RuleContext<unknown>, 'schema' | 'index' | 'source'>,
  name: string,
  exempt: readonly (string | RegExp)[] | undefined,
  attributes: string,
  report: (r: RuleReport<'missing' | 'type'>) => void,
  check: (model: Model, field: Field, data: { model: string; field: string }) => void,
): void {
  const { schema } = context;
  let mapsToSnakeCase: boolean | undefined; // computed once, when a model lacks the field
  for (const model of schema.models) {
    if (isExempt(model.name, exempt)) continue;
    const field = findField(model, name);
    const data = { model: model.name, field: name };
    if (!field) {
      mapsToSnakeCase ??= schemaNamingConvention(schema).mapsToSnakeCase;
      report({ target: { kind: 'model', model }, messageId: 'missing', data, fix: addTimestampField(context, model, name, attributes, mapsToSnakeCase) });
    } else if (field.type.name !== 'DateTime') report({ target: { kind: 'field', model, field }, messageId: 'type', data: { ...data, type: field.type.name } });
    else check(model, field, data);
  }
}

/** The new field goes after the last stored field, before the relations; its column follows the schema's convention. */
function addTimestampField(
  context: Pick<RuleContext<unknown>, 'schema' | 'index' | 'source'>,
  model: Model,
  name: string,
  attributes: string,
  mapsToSnakeCase: boolean,
): Fix | undefined {
  if (model.kind !== 'model') return undefined;
  const stored = model.fields.filter((f) => !context.index.isRelation(f));
  const anchor = stored[stored.length - 1] ?? model.fields[model.fields.length - 1];
  if (!anchor) return undefined;
  const column = mapsToSnakeCase ? toSnakeCase(name) : name;
  const line = `${name} DateTime ${attributes}${column !== name ? ` @map("${column}")` : ''}`;
  const sql = addTimestampColumnSql(sqlDialect(context.schema), databaseName(model), column);
  return databaseFix('add-column', sql, `add \`${line}\``, addFieldLine(anchor, line, context.source(model.span.file)));
}
