import type { DriftFinding } from '../catalog/codes.js';

/** The one sentence a user reads for a finding: the whole object, never a part of it. Exhaustive over the closed list of codes. */
export function driftMessage(finding: DriftFinding): string {
  const table = `"${finding.table}"`;
  const column = `${table}."${finding.column}"`;
  const was = finding.expected !== undefined ? ` (schema: ${finding.expected})` : '';
  const values = `schema: ${finding.expected}, database: ${finding.actual}`;
  const constraintKind = finding.code.endsWith('exclusion') ? 'exclusion constraint' : 'CHECK constraint';
  switch (finding.code) {
    case 'missing-table':
      return `table ${table} is missing from the database`;
    case 'extra-table':
      return `table ${table} exists in the database but not in the schema`;
    case 'missing-column':
      return `column ${column} is missing from the database${was}`;
    case 'extra-column':
      return `column ${column} (${finding.actual}) exists in the database but not in the schema`;
    case 'column-type':
      return `column ${column} has type ${finding.actual} in the database, ${finding.expected} in the schema`;
    case 'column-nullability':
      return `column ${column} is ${finding.actual} in the database, ${finding.expected} in the schema`;
    case 'column-default':
      return `column ${column} has a different default (${values})`;
    case 'primary-key':
      return `table ${table} has a different primary key (${values})`;
    case 'missing-index':
      return `index "${finding.index}" ${finding.expected} on ${table} is missing from the database`;
    case 'extra-index':
      return `index "${finding.index}" ${finding.actual} on ${table} exists in the database but not in the schema`;
    case 'missing-unique':
      return `unique constraint "${finding.index}" ${finding.expected} on ${table} is missing from the database`;
    case 'extra-unique':
      return `unique constraint "${finding.index}" ${finding.actual} on ${table} exists in the database but not in the schema`;
    case 'index-definition':
      return `index "${finding.index}" on ${table} differs (${values})`;
    case 'missing-foreign-key':
      return `foreign key "${finding.foreignKey}" on ${table} is missing from the database: ${finding.expected}`;
    case 'extra-foreign-key':
      return `foreign key "${finding.foreignKey}" on ${table} exists in the database but not in the schema: ${finding.actual}`;
    case 'foreign-key-definition':
      return `foreign key "${finding.foreignKey}" on ${table} differs (${values})`;
    case 'missing-check':
    case 'missing-exclusion':
      return `${constraintKind} "${finding.constraint}" on ${table} is missing from the database: ${finding.expected}`;
    case 'extra-check':
    case 'extra-exclusion':
      return `${constraintKind} "${finding.constraint}" on ${table} exists in the database but not in the schema: ${finding.actual}`;
    case 'check-definition':
    case 'exclusion-definition':
      return `${constraintKind} "${finding.constraint}" on ${table} differs (${values})`;
    case 'missing-enum':
      return `enum "${finding.enum}" is missing from the database`;
    case 'extra-enum':
      return `enum "${finding.enum}" exists in the database but not in the schema`;
    case 'missing-enum-value':
      return `enum "${finding.enum}" is missing value '${finding.value}' in the database`;
    case 'extra-enum-value':
      return `enum "${finding.enum}" has value '${finding.value}' in the database but not in the schema`;
    case 'enum-value-order':
      return `enum "${finding.enum}" orders its values differently (${values})`;
    case 'missing-view':
      return `view "${finding.view}" is missing from the database: ${finding.expected}`;
    case 'extra-view':
      return `view "${finding.view}" exists in the database but not in the schema: ${finding.actual}`;
    case 'view-definition':
      return `view "${finding.view}" differs (${values})`;
    case 'missing-function':
      return `function ${finding.function} is missing from the database`;
    case 'extra-function':
      return `function ${finding.function} exists in the database but not in the schema`;
    case 'function-definition':
      return `function ${finding.function} has a different definition in the database`;
    case 'missing-trigger':
      return `trigger "${finding.trigger}" on ${table} is missing from the database: ${finding.expected}`;
    case 'extra-trigger':
      return `trigger "${finding.trigger}" on ${table} exists in the database but not in the schema: ${finding.actual}`;
    case 'trigger-definition':
      return `trigger "${finding.trigger}" on ${table} differs (${values})`;
    case 'row-level-security':
      return `row-level security on ${table} is ${finding.actual} in the database, ${finding.expected} in the schema`;
    case 'missing-policy':
      return `policy "${finding.policy}" on ${table} is missing from the database: ${finding.expected}`;
    case 'extra-policy':
      return `policy "${finding.policy}" on ${table} exists in the database but not in the schema: ${finding.actual}`;
    case 'policy-definition':
      return `policy "${finding.policy}" on ${table} differs (${values})`;
    case 'missing-sequence':
      return `sequence "${finding.sequence}" is missing from the database: ${finding.expected}`;
    case 'extra-sequence':
      return `sequence "${finding.sequence}" exists in the database but not in the schema: ${finding.actual}`;
    case 'sequence-definition':
      return `sequence "${finding.sequence}" differs (${values})`;
    case 'missing-extension':
      return `extension "${finding.extension}" is missing from the database`;
    case 'extra-extension':
      return `extension "${finding.extension}" is installed in the database but not declared in the schema`;
  }
}
