/**
 * Every kind of structural drift, in one closed list. What each code means and how severe it
 * is is decided here and nowhere else; downstream code switches on the code, never on text.
 */
import type { Severity } from '../diagnostics/diagnostic.js';

export const DRIFT_CODES = {
  'missing-table': { severity: 'error', summary: 'a table of the schema is missing from the database' },
  'extra-table': { severity: 'error', summary: 'the database has a table the schema does not declare' },
  'missing-column': { severity: 'error', summary: 'a column of the schema is missing from the database' },
  'extra-column': { severity: 'error', summary: 'the database has a column the schema does not declare' },
  'column-type': { severity: 'error', summary: 'a column has a different type in the database' },
  'column-nullability': { severity: 'error', summary: 'a column is nullable in one and required in the other' },
  'column-default': { severity: 'error', summary: 'a column has a default of different meaning in the database' },
  'primary-key': { severity: 'error', summary: 'a table has a different primary key in the database' },
  'missing-index': { severity: 'error', summary: 'an index of the schema is missing from the database' },
  'extra-index': { severity: 'error', summary: 'the database has an index the schema does not declare' },
  'missing-unique': { severity: 'error', summary: 'a unique constraint of the schema is missing from the database' },
  'extra-unique': { severity: 'error', summary: 'the database has a unique constraint the schema does not declare' },
  'index-definition': { severity: 'error', summary: 'an index differs: columns or expressions, uniqueness, method, operator classes, order, INCLUDE or WHERE' },
  'missing-foreign-key': { severity: 'error', summary: 'a foreign key of the schema is missing from the database' },
  'extra-foreign-key': { severity: 'error', summary: 'the database has a foreign key the schema does not declare' },
  'foreign-key-definition': { severity: 'error', summary: 'a foreign key has different columns or actions in the database' },
  'missing-check': { severity: 'error', summary: 'a CHECK constraint of the schema is missing from the database' },
  'extra-check': { severity: 'error', summary: 'the database has a CHECK constraint the schema does not declare' },
  'check-definition': { severity: 'error', summary: 'a CHECK constraint has a different condition in the database' },
  'missing-exclusion': { severity: 'error', summary: 'an exclusion constraint of the schema is missing from the database' },
  'extra-exclusion': { severity: 'error', summary: 'the database has an exclusion constraint the schema does not declare' },
  'exclusion-definition': { severity: 'error', summary: 'an exclusion constraint differs in the database' },
  'missing-enum': { severity: 'error', summary: 'an enum of the schema is missing from the database' },
  'extra-enum': { severity: 'error', summary: 'the database has an enum the schema does not declare' },
  'missing-enum-value': { severity: 'error', summary: 'an enum value of the schema is missing from the database' },
  'extra-enum-value': { severity: 'error', summary: 'the database has an enum value the schema does not declare' },
  // Prisma adds a value with ADD VALUE, at the end: a history of Prisma migrations orders values by
  // when they were added, not as the schema lists them. Only ORDER BY and < on the column see it.
  'enum-value-order': { severity: 'info', summary: 'an enum lists its values in a different order (only ORDER BY on the column sees it)' },
  'missing-view': { severity: 'error', summary: 'a view of the schema is missing from the database' },
  'extra-view': { severity: 'error', summary: 'the database has a view the schema does not declare' },
  'view-definition': { severity: 'error', summary: 'a view has a different query in the database' },
  'missing-function': { severity: 'error', summary: 'a function of the schema is missing from the database' },
  'extra-function': { severity: 'error', summary: 'the database has a function the schema does not declare' },
  'function-definition': { severity: 'error', summary: 'a function has a different definition in the database' },
  'missing-trigger': { severity: 'error', summary: 'a trigger of the schema is missing from the database' },
  'extra-trigger': { severity: 'error', summary: 'the database has a trigger the schema does not declare' },
  'trigger-definition': { severity: 'error', summary: 'a trigger has a different definition in the database' },
  'row-level-security': { severity: 'error', summary: 'row-level security is enabled or forced in one and not the other' },
  'missing-policy': { severity: 'error', summary: 'a row-level-security policy of the schema is missing from the database' },
  'extra-policy': { severity: 'error', summary: 'the database has a row-level-security policy the schema does not declare' },
  'policy-definition': { severity: 'error', summary: 'a row-level-security policy differs in the database' },
  'missing-sequence': { severity: 'error', summary: 'a sequence of the schema is missing from the database' },
  'extra-sequence': { severity: 'error', summary: 'the database has a sequence the schema does not declare' },
  'sequence-definition': { severity: 'error', summary: 'a sequence has a different type, bounds, step, cache or cycling in the database' },
  'missing-extension': { severity: 'error', summary: 'an extension of the schema is missing from the database' },
  'extra-extension': { severity: 'warning', summary: 'the database has an extension the schema does not declare' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DriftCode = keyof typeof DRIFT_CODES;

/** Info findings (enum value order) are shown but do not make a database drifted. */
export function countsAsDrift(finding: DriftFinding): boolean {
  return DRIFT_CODES[finding.code].severity !== 'info';
}

/** One difference between what the environment's schema says and what the database has. */
export interface DriftFinding {
  code: DriftCode;
  table?: string;
  column?: string;
  index?: string;
  foreignKey?: string;
  /** A CHECK or exclusion constraint. */
  constraint?: string;
  enum?: string;
  value?: string;
  view?: string;
  /** Name and identity arguments, `nanoid(size integer)`. */
  function?: string;
  trigger?: string;
  policy?: string;
  sequence?: string;
  extension?: string;
  /** What the schema says (a type, a default, a whole index), when the finding compares values. */
  expected?: string;
  /** What the database has. */
  actual?: string;
  /** SQL that makes the database match the schema (never run by drift). */
  fix?: string;
  /** Where possible, the master edit that would adopt the database's version instead. */
  adopt?: string;
}

/**
 * The object a finding is about, as acknowledgements name it: `table`, `table.column`,
 * `table.index` (likewise foreign keys, constraints, triggers, policies), `enum`, `enum.value`,
 * or the view, function (`name(args)`), sequence or extension name.
 */
export function findingObject(finding: DriftFinding): string {
  if (finding.table !== undefined) {
    const part = finding.column ?? finding.index ?? finding.foreignKey ?? finding.constraint ?? finding.trigger ?? finding.policy;
    return part === undefined ? finding.table : `${finding.table}.${part}`;
  }
  if (finding.enum !== undefined) return finding.value === undefined ? finding.enum : `${finding.enum}.${finding.value}`;
  return finding.view ?? finding.function ?? finding.sequence ?? finding.extension ?? '';
}
