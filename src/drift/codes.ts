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
  'column-default': { severity: 'error', summary: 'a column has a different default in the database' },
  'primary-key': { severity: 'error', summary: 'a table has a different primary key in the database' },
  'missing-index': { severity: 'error', summary: 'an index of the schema is missing from the database' },
  'extra-index': { severity: 'error', summary: 'the database has an index the schema does not declare' },
  'missing-unique': { severity: 'error', summary: 'a unique constraint of the schema is missing from the database' },
  'extra-unique': { severity: 'error', summary: 'the database has a unique constraint the schema does not declare' },
  'index-definition': { severity: 'error', summary: 'an index covers different columns or uniqueness in the database' },
  'missing-foreign-key': { severity: 'error', summary: 'a foreign key of the schema is missing from the database' },
  'extra-foreign-key': { severity: 'error', summary: 'the database has a foreign key the schema does not declare' },
  'foreign-key-definition': { severity: 'error', summary: 'a foreign key has different columns or actions in the database' },
  'missing-enum': { severity: 'error', summary: 'an enum of the schema is missing from the database' },
  'extra-enum': { severity: 'error', summary: 'the database has an enum the schema does not declare' },
  'missing-enum-value': { severity: 'error', summary: 'an enum value of the schema is missing from the database' },
  'extra-enum-value': { severity: 'error', summary: 'the database has an enum value the schema does not declare' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DriftCode = keyof typeof DRIFT_CODES;

/** One difference between what the environment's schema says and what the database has. */
export interface DriftFinding {
  code: DriftCode;
  table?: string;
  column?: string;
  index?: string;
  foreignKey?: string;
  enum?: string;
  value?: string;
  /** What the schema says (a type, a default, a column list), when the finding compares values. */
  expected?: string;
  /** What the database has. */
  actual?: string;
}
