import type { Field, Model, Schema } from '../schema/model.js';
import { findField } from '../schema/query.js';
import { isExempt } from './exemptions.js';
import type { RuleReport } from './rule.js';

/**
 * What require-created-at and require-updated-at share: every model (but the exempt ones) has
 * a DateTime field `name`. A missing field is reported as 'missing', one of another type as
 * 'type'; `check` gets each DateTime field to test its attributes.
 */
export function checkTimestampFields(
  schema: Schema,
  name: string,
  exempt: readonly (string | RegExp)[] | undefined,
  report: (r: RuleReport) => void,
  check: (model: Model, field: Field, data: { model: string; field: string }) => void,
): void {
  for (const model of schema.models) {
    if (isExempt(model.name, exempt)) continue;
    const field = findField(model, name);
    const data = { model: model.name, field: name };
    if (!field) report({ target: { kind: 'model', model }, messageId: 'missing', data });
    else if (field.type.name !== 'DateTime') report({ target: { kind: 'field', model, field }, messageId: 'type', data: { ...data, type: field.type.name } });
    else check(model, field, data);
  }
}
