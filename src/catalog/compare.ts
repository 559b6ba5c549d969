/**
 * Drift as a pure function: (expected, actual) database models to a list of findings, each with
 * the SQL that makes the database match the schema (remediation.ts). Every object kind the
 * model holds is compared: tables, columns (defaults by meaning), keys, indexes (method,
 * expressions, operator classes, order, INCLUDE, WHERE), CHECK and exclusion constraints,
 * triggers, row-level security and policies, enums (values and their order), views, functions,
 * sequences and extensions.
 */
import type {
  DatabaseConstraint,
  DatabaseForeignKey,
  DatabaseIndex,
  DatabasePolicy,
  DatabaseSchema,
  DatabaseSequence,
  DatabaseTable,
  DatabaseView,
} from '../database/model.js';
import type { DriftCode, DriftFinding } from './codes.js';
import { normaliseDefault, normaliseDefinition, normaliseViewDefinition } from './normalize.js';
import { remediate } from './remediation.js';

export function compareSchemas(expected: DatabaseSchema, actual: DatabaseSchema): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const push = (finding: DriftFinding) => findings.push(finding);
  // Extensions of the schema's namespace; one the schema wants is missing only if it is installed nowhere.
  named(expected.extensions?.map((name) => ({ name })) ?? [], actual.extensions?.map((name) => ({ name })) ?? [], {
    missing: (e) => {
      if (!(actual.installedExtensions ?? []).includes(e.name)) push({ code: 'missing-extension', extension: e.name });
    },
    extra: (e) => push({ code: 'extra-extension', extension: e.name }),
  });
  named(expected.tables, actual.tables, {
    missing: (table) => push({ code: 'missing-table', table: table.name }),
    extra: (table) => push({ code: 'extra-table', table: table.name }),
    both: (table, live) => findings.push(...compareTables(table, live)),
  });
  named(expected.enums, actual.enums, {
    missing: (declared) => push({ code: 'missing-enum', enum: declared.name }),
    extra: (live) => push({ code: 'extra-enum', enum: live.name }),
    both: (declared, live) => {
      for (const value of declared.values) if (!live.values.includes(value)) push({ code: 'missing-enum-value', enum: declared.name, value });
      for (const value of live.values) if (!declared.values.includes(value)) push({ code: 'extra-enum-value', enum: declared.name, value });
      const common = (values: string[], other: string[]) => values.filter((value) => other.includes(value)).join(', ');
      if (common(declared.values, live.values) !== common(live.values, declared.values)) {
        push({ code: 'enum-value-order', enum: declared.name, expected: declared.values.join(', '), actual: live.values.join(', ') });
      }
    },
  });
  named(expected.sequences ?? [], actual.sequences ?? [], {
    missing: (s) => push({ code: 'missing-sequence', sequence: s.name, expected: describeSequence(s) }),
    extra: (s) => push({ code: 'extra-sequence', sequence: s.name, actual: describeSequence(s) }),
    both: (s, live) => {
      if (describeSequence(s) !== describeSequence(live))
        push({ code: 'sequence-definition', sequence: s.name, expected: describeSequence(s), actual: describeSequence(live) });
    },
  });
  named(expected.views ?? [], actual.views ?? [], {
    missing: (v) => push({ code: 'missing-view', view: v.name, expected: describeView(v) }),
    extra: (v) => push({ code: 'extra-view', view: v.name, actual: describeView(v) }),
    both: (v, live) => {
      if (v.materialized !== live.materialized || normaliseViewDefinition(v.definition) !== normaliseViewDefinition(live.definition)) {
        push({ code: 'view-definition', view: v.name, expected: describeView(v), actual: describeView(live) });
      }
    },
  });
  named(expected.functions ?? [], actual.functions ?? [], {
    missing: (f) => push({ code: 'missing-function', function: f.name, expected: f.definition }),
    extra: (f) => push({ code: 'extra-function', function: f.name, actual: f.definition }),
    both: (f, live) => {
      if (normaliseDefinition(f.definition) !== normaliseDefinition(live.definition))
        push({ code: 'function-definition', function: f.name, expected: f.definition, actual: live.definition });
    },
  });
  return findings.map((finding) => remediate(finding, expected, actual));
}

function compareTables(expected: DatabaseTable, actual: DatabaseTable): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const push = (finding: DriftFinding) => findings.push(finding);
  const table = expected.name;
  named(expected.columns, actual.columns, {
    missing: (column) => push({ code: 'missing-column', table, column: column.name, expected: column.type }),
    extra: (column) => push({ code: 'extra-column', table, column: column.name, actual: column.type }),
    both: (column, live) => {
      if (normaliseType(column.type) !== normaliseType(live.type))
        push({ code: 'column-type', table, column: column.name, expected: column.type, actual: live.type });
      if (column.nullable !== live.nullable)
        push({ code: 'column-nullability', table, column: column.name, expected: nullability(column.nullable), actual: nullability(live.nullable) });
      if (normaliseDefault(column.default) !== normaliseDefault(live.default)) {
        push({ code: 'column-default', table, column: column.name, expected: column.default ?? '(none)', actual: live.default ?? '(none)' });
      }
    },
  });
  if (expected.primaryKey.join(',') !== actual.primaryKey.join(',')) {
    push({ code: 'primary-key', table, expected: list(expected.primaryKey), actual: list(actual.primaryKey) });
  }
  named(expected.indexes, actual.indexes, {
    missing: (index) => push({ code: index.unique ? 'missing-unique' : 'missing-index', table, index: index.name, expected: describeIndex(index) }),
    extra: (index) => push({ code: index.unique ? 'extra-unique' : 'extra-index', table, index: index.name, actual: describeIndex(index) }),
    both: (index, live) => {
      if (describeIndex(index) !== describeIndex(live))
        push({ code: 'index-definition', table, index: index.name, expected: describeIndex(index), actual: describeIndex(live) });
    },
  });
  named(expected.foreignKeys, actual.foreignKeys, {
    missing: (key) => push({ code: 'missing-foreign-key', table, foreignKey: key.name, expected: describeForeignKey(key) }),
    extra: (key) => push({ code: 'extra-foreign-key', table, foreignKey: key.name, actual: describeForeignKey(key) }),
    both: (key, live) => {
      if (describeForeignKey(key) !== describeForeignKey(live))
        push({ code: 'foreign-key-definition', table, foreignKey: key.name, expected: describeForeignKey(key), actual: describeForeignKey(live) });
    },
  });
  const codes = (kind: DatabaseConstraint['kind']): [DriftCode, DriftCode, DriftCode] =>
    kind === 'check' ? ['missing-check', 'extra-check', 'check-definition'] : ['missing-exclusion', 'extra-exclusion', 'exclusion-definition'];
  named(expected.constraints ?? [], actual.constraints ?? [], {
    missing: (c) => push({ code: codes(c.kind)[0], table, constraint: c.name, expected: c.definition }),
    extra: (c) => push({ code: codes(c.kind)[1], table, constraint: c.name, actual: c.definition }),
    both: (c, live) => {
      if (c.kind !== live.kind || normaliseDefinition(c.definition) !== normaliseDefinition(live.definition)) {
        push({ code: codes(c.kind)[2], table, constraint: c.name, expected: c.definition, actual: live.definition });
      }
    },
  });
  named(expected.triggers ?? [], actual.triggers ?? [], {
    missing: (t) => push({ code: 'missing-trigger', table, trigger: t.name, expected: t.definition }),
    extra: (t) => push({ code: 'extra-trigger', table, trigger: t.name, actual: t.definition }),
    both: (t, live) => {
      if (normaliseDefinition(t.definition) !== normaliseDefinition(live.definition))
        push({ code: 'trigger-definition', table, trigger: t.name, expected: t.definition, actual: live.definition });
    },
  });
  const rls = (side: DatabaseTable) => describeRowLevelSecurity(side.rowLevelSecurity);
  if (expected.rowLevelSecurity && actual.rowLevelSecurity && rls(expected) !== rls(actual))
    push({ code: 'row-level-security', table, expected: rls(expected), actual: rls(actual) });
  named(expected.policies ?? [], actual.policies ?? [], {
    missing: (p) => push({ code: 'missing-policy', table, policy: p.name, expected: describePolicy(p) }),
    extra: (p) => push({ code: 'extra-policy', table, policy: p.name, actual: describePolicy(p) }),
    both: (p, live) => {
      if (normaliseDefinition(describePolicy(p)) !== normaliseDefinition(describePolicy(live)))
        push({ code: 'policy-definition', table, policy: p.name, expected: describePolicy(p), actual: describePolicy(live) });
    },
  });
  return findings;
}

/** Pairs two named lists: expected-only, actual-only, and both, in expected order then actual order. */
function named<T extends { name: string }>(
  expected: readonly T[],
  actual: readonly T[],
  on: { missing: (item: T) => void; extra: (item: T) => void; both?: (item: T, live: T) => void },
): void {
  const actualByName = new Map(actual.map((item) => [item.name, item]));
  const expectedNames = new Set(expected.map((item) => item.name));
  for (const item of expected) {
    const live = actualByName.get(item.name);
    if (!live) on.missing(item);
    else on.both?.(item, live);
  }
  for (const item of actual) if (!expectedNames.has(item.name)) on.extra(item);
}

/** The whole index as one line: `UNIQUE USING gin (title gin_trgm_ops) INCLUDE (id) WHERE (deleted IS NULL)`; btree is not spelt out. */
export function describeIndex(index: DatabaseIndex): string {
  const method = index.method && index.method !== 'btree' ? `USING ${index.method} ` : '';
  const include = index.include?.length ? ` INCLUDE (${index.include.join(', ')})` : '';
  const where = index.where ? ` WHERE ${normaliseDefinition(index.where)}` : '';
  return `${index.unique ? 'UNIQUE ' : ''}${method}(${(index.keys ?? index.columns).join(', ')})${include}${where}`;
}

export function describeForeignKey(key: DatabaseForeignKey): string {
  return `(${key.columns.join(', ')}) REFERENCES ${key.referencedTable}(${key.referencedColumns.join(', ')}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`;
}

export function describePolicy(policy: DatabasePolicy): string {
  return [
    policy.permissive ? 'AS PERMISSIVE' : 'AS RESTRICTIVE',
    `FOR ${policy.command}`,
    `TO ${policy.roles.join(', ')}`,
    policy.using !== null ? `USING (${policy.using})` : '',
    policy.withCheck !== null ? `WITH CHECK (${policy.withCheck})` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function describeSequence(s: DatabaseSequence): string {
  return `AS ${s.type} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache}${s.cycle ? ' CYCLE' : ' NO CYCLE'}`;
}

export function describeView(view: DatabaseView): string {
  return `${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} AS ${normaliseDefinition(view.definition)}`;
}

function describeRowLevelSecurity(rls: DatabaseTable['rowLevelSecurity']): string {
  if (!rls?.enabled) return rls?.forced ? 'disabled (forced)' : 'disabled';
  return rls.forced ? 'enabled and forced' : 'enabled';
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
