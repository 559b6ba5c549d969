import type { DriftFinding } from './codes.js';

/** The one sentence a user reads for a finding. Exhaustive over the closed list of codes. */
export function driftMessage(finding: DriftFinding): string {
  const table = `"${finding.table}"`;
  const column = `${table}."${finding.column}"`;
  const was = finding.expected !== undefined ? ` (schema: ${finding.expected})` : '';
  const values = `schema: ${finding.expected}, database: ${finding.actual}`;
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
    case 'missing-enum':
      return `enum "${finding.enum}" is missing from the database`;
    case 'extra-enum':
      return `enum "${finding.enum}" exists in the database but not in the schema`;
    case 'missing-enum-value':
      return `enum "${finding.enum}" is missing value '${finding.value}' in the database`;
    case 'extra-enum-value':
      return `enum "${finding.enum}" has value '${finding.value}' in the database but not in the schema`;
  }
}
