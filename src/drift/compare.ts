/** Drift as a pure function: (expected, actual) database models to a list of findings. */
import type { DatabaseForeignKey, DatabaseIndex, DatabaseSchema, DatabaseTable } from '../database/model.js';
import type { DriftFinding } from './codes.js';

export function compareSchemas(expected: DatabaseSchema, actual: DatabaseSchema): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const actualTables = byName(actual.tables);
  const expectedTables = byName(expected.tables);
  for (const table of expected.tables) {
    const live = actualTables.get(table.name);
    if (!live) findings.push({ code: 'missing-table', table: table.name });
    else findings.push(...compareTables(table, live));
  }
  for (const table of actual.tables) {
    if (!expectedTables.has(table.name)) findings.push({ code: 'extra-table', table: table.name });
  }
  const actualEnums = byName(actual.enums);
  const expectedEnums = byName(expected.enums);
  for (const declared of expected.enums) {
    const live = actualEnums.get(declared.name);
    if (!live) {
      findings.push({ code: 'missing-enum', enum: declared.name });
      continue;
    }
    for (const value of declared.values) {
      if (!live.values.includes(value)) findings.push({ code: 'missing-enum-value', enum: declared.name, value });
    }
    for (const value of live.values) {
      if (!declared.values.includes(value)) findings.push({ code: 'extra-enum-value', enum: declared.name, value });
    }
  }
  for (const live of actual.enums) {
    if (!expectedEnums.has(live.name)) findings.push({ code: 'extra-enum', enum: live.name });
  }
  return findings;
}

function compareTables(expected: DatabaseTable, actual: DatabaseTable): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const table = expected.name;
  const actualColumns = byName(actual.columns);
  const expectedColumns = byName(expected.columns);
  for (const column of expected.columns) {
    const live = actualColumns.get(column.name);
    if (!live) {
      findings.push({ code: 'missing-column', table, column: column.name, expected: column.type });
      continue;
    }
    if (normaliseType(column.type) !== normaliseType(live.type)) {
      findings.push({ code: 'column-type', table, column: column.name, expected: column.type, actual: live.type });
    }
    if (column.nullable !== live.nullable) {
      findings.push({ code: 'column-nullability', table, column: column.name, expected: nullability(column.nullable), actual: nullability(live.nullable) });
    }
    if ((column.default ?? null) !== (live.default ?? null)) {
      findings.push({ code: 'column-default', table, column: column.name, expected: column.default ?? '(none)', actual: live.default ?? '(none)' });
    }
  }
  for (const column of actual.columns) {
    if (!expectedColumns.has(column.name)) findings.push({ code: 'extra-column', table, column: column.name, actual: column.type });
  }
  if (expected.primaryKey.join(',') !== actual.primaryKey.join(',')) {
    findings.push({ code: 'primary-key', table, expected: list(expected.primaryKey), actual: list(actual.primaryKey) });
  }
  findings.push(...compareIndexes(table, expected.indexes, actual.indexes));
  findings.push(...compareForeignKeys(table, expected.foreignKeys, actual.foreignKeys));
  return findings;
}

function compareIndexes(table: string, expected: DatabaseIndex[], actual: DatabaseIndex[]): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const actualByName = byName(actual);
  const expectedByName = byName(expected);
  for (const index of expected) {
    const live = actualByName.get(index.name);
    if (!live) findings.push({ code: index.unique ? 'missing-unique' : 'missing-index', table, index: index.name, expected: describeIndex(index) });
    else if (describeIndex(index) !== describeIndex(live)) {
      findings.push({ code: 'index-definition', table, index: index.name, expected: describeIndex(index), actual: describeIndex(live) });
    }
  }
  for (const index of actual) {
    if (!expectedByName.has(index.name)) findings.push({ code: index.unique ? 'extra-unique' : 'extra-index', table, index: index.name, actual: describeIndex(index) });
  }
  return findings;
}

function compareForeignKeys(table: string, expected: DatabaseForeignKey[], actual: DatabaseForeignKey[]): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const actualByName = byName(actual);
  const expectedByName = byName(expected);
  for (const key of expected) {
    const live = actualByName.get(key.name);
    if (!live) findings.push({ code: 'missing-foreign-key', table, foreignKey: key.name, expected: describeForeignKey(key) });
    else if (describeForeignKey(key) !== describeForeignKey(live)) {
      findings.push({ code: 'foreign-key-definition', table, foreignKey: key.name, expected: describeForeignKey(key), actual: describeForeignKey(live) });
    }
  }
  for (const key of actual) {
    if (!expectedByName.has(key.name)) findings.push({ code: 'extra-foreign-key', table, foreignKey: key.name, actual: describeForeignKey(key) });
  }
  return findings;
}

export function describeIndex(index: DatabaseIndex): string {
  return `${index.unique ? 'UNIQUE ' : ''}(${index.columns.join(', ')})`;
}

export function describeForeignKey(key: DatabaseForeignKey): string {
  return `(${key.columns.join(', ')}) REFERENCES ${key.referencedTable}(${key.referencedColumns.join(', ')}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`;
}

/** SQLite type names are case-insensitive. */
function normaliseType(type: string): string {
  return type.trim().toLowerCase();
}

function nullability(nullable: boolean): string {
  return nullable ? 'NULL' : 'NOT NULL';
}

function list(columns: string[]): string {
  return columns.length === 0 ? '(none)' : `(${columns.join(', ')})`;
}

function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}
