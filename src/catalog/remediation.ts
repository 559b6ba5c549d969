/**
 * For each finding, the SQL that makes the database match the schema (`fix`) and, where the
 * master can say it, the edit that would adopt the database's version instead (`adopt`).
 * Pure: built from the two models only. Drops say IF EXISTS and creates IF NOT EXISTS where the
 * dialect allows, so a draft migration made of them is harmless on a database without the drift.
 */
import type {
  DatabaseColumn,
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
import { normaliseDefault } from './normalize.js';

export function remediate(finding: DriftFinding, expected: DatabaseSchema, actual: DatabaseSchema): DriftFinding {
  const fix = expected.provider === 'sqlite' ? sqliteFix(finding, expected, actual) : postgresFix(finding, expected, actual);
  const adopt = adoption(finding, actual);
  return { ...finding, ...(fix ? { fix } : {}), ...(adopt ? { adopt } : {}) };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const q = quoteIdentifier;

function tableOf(schema: DatabaseSchema, name: string | undefined): DatabaseTable | undefined {
  return schema.tables.find((table) => table.name === name);
}

function find<T extends { name: string }>(items: readonly T[] | undefined, name: string | undefined): T | undefined {
  return items?.find((item) => item.name === name);
}

function postgresFix(f: DriftFinding, expected: DatabaseSchema, actual: DatabaseSchema): string | undefined {
  const table = f.table === undefined ? '' : q(f.table);
  const want = tableOf(expected, f.table);
  const have = tableOf(actual, f.table);
  const column = find(want?.columns, f.column);
  const index = find(want?.indexes, f.index);
  const key = find(want?.foreignKeys, f.foreignKey);
  const constraint = find(want?.constraints, f.constraint);
  const liveConstraint = find(have?.constraints, f.constraint);
  const trigger = find(want?.triggers, f.trigger);
  const policy = find(want?.policies, f.policy);
  const view = find(expected.views, f.view);
  const liveView = find(actual.views, f.view);
  const fn = find(expected.functions, f.function);
  const sequence = find(expected.sequences, f.sequence);
  const enumType = find(expected.enums, f.enum);
  switch (f.code) {
    case 'missing-table':
      return want ? createPostgresTable(want) : undefined;
    case 'extra-table':
      return `DROP TABLE IF EXISTS ${table};`;
    case 'missing-column':
      return column ? `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${postgresColumn(column)};` : undefined;
    case 'extra-column':
      return `ALTER TABLE ${table} DROP COLUMN IF EXISTS ${q(f.column!)};`;
    case 'column-type':
      return column ? `ALTER TABLE ${table} ALTER COLUMN ${q(column.name)} SET DATA TYPE ${column.type} USING ${q(column.name)}::${column.type};` : undefined;
    case 'column-nullability':
      return `ALTER TABLE ${table} ALTER COLUMN ${q(f.column!)} ${column?.nullable ? 'DROP NOT NULL' : 'SET NOT NULL'};`;
    case 'column-default':
      return `ALTER TABLE ${table} ALTER COLUMN ${q(f.column!)} ${column?.default ? `SET DEFAULT ${column.default}` : 'DROP DEFAULT'};`;
    case 'primary-key': {
      const drop = have?.primaryKeyName ? `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${q(have.primaryKeyName)};\n` : '';
      const add =
        want && want.primaryKey.length > 0
          ? `ALTER TABLE ${table} ADD CONSTRAINT ${q(want.primaryKeyName ?? `${want.name}_pkey`)} PRIMARY KEY (${want.primaryKey.map(q).join(', ')});`
          : '';
      return (drop + add).trim();
    }
    case 'missing-index':
    case 'missing-unique':
      return index ? createIndex(index) : undefined;
    case 'extra-index':
    case 'extra-unique':
      return `DROP INDEX IF EXISTS ${q(f.index!)};`;
    case 'index-definition':
      return index ? `DROP INDEX IF EXISTS ${q(f.index!)};\n${createIndex(index)}` : undefined;
    case 'missing-foreign-key':
      return key ? addForeignKey(want!.name, key) : undefined;
    case 'extra-foreign-key':
      return `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${q(f.foreignKey!)};`;
    case 'foreign-key-definition':
      return key ? `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${q(key.name)};\n${addForeignKey(want!.name, key)}` : undefined;
    case 'missing-check':
    case 'missing-exclusion':
      return constraint ? addConstraint(f.table!, constraint) : undefined;
    case 'extra-check':
    case 'extra-exclusion':
      return `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${q(f.constraint!)};`;
    case 'check-definition':
    case 'exclusion-definition':
      return constraint
        ? `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${q(liveConstraint?.name ?? constraint.name)};\n${addConstraint(f.table!, constraint)}`
        : undefined;
    case 'missing-trigger':
      return trigger ? `${trigger.definition};` : undefined;
    case 'extra-trigger':
      return `DROP TRIGGER IF EXISTS ${q(f.trigger!)} ON ${table};`;
    case 'trigger-definition':
      return trigger ? `DROP TRIGGER IF EXISTS ${q(f.trigger!)} ON ${table};\n${trigger.definition};` : undefined;
    case 'row-level-security': {
      const rls = want?.rowLevelSecurity;
      if (!rls) return undefined;
      return `ALTER TABLE ${table} ${rls.enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;\nALTER TABLE ${table} ${rls.forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`;
    }
    case 'missing-policy':
      return policy ? createPolicy(f.table!, policy) : undefined;
    case 'extra-policy':
      return `DROP POLICY IF EXISTS ${q(f.policy!)} ON ${table};`;
    case 'policy-definition':
      return policy ? `DROP POLICY IF EXISTS ${q(f.policy!)} ON ${table};\n${createPolicy(f.table!, policy)}` : undefined;
    case 'missing-enum':
      return enumType ? `CREATE TYPE ${q(enumType.name)} AS ENUM (${enumType.values.map(literal).join(', ')});` : undefined;
    case 'extra-enum':
      return `DROP TYPE IF EXISTS ${q(f.enum!)};`;
    case 'missing-enum-value': {
      if (!enumType) return undefined;
      const at = enumType.values.indexOf(f.value!);
      const live = find(actual.enums, f.enum)?.values ?? [];
      const after = enumType.values
        .slice(0, at)
        .reverse()
        .find((value) => live.includes(value));
      const before = enumType.values.slice(at + 1).find((value) => live.includes(value));
      const place = before !== undefined ? ` BEFORE ${literal(before)}` : after !== undefined ? ` AFTER ${literal(after)}` : '';
      return `ALTER TYPE ${q(enumType.name)} ADD VALUE IF NOT EXISTS ${literal(f.value!)}${place};`;
    }
    case 'extra-enum-value':
    case 'enum-value-order':
      return enumType ? recreateEnum(enumType.name, enumType.values, expected) : undefined;
    case 'missing-view':
      return view ? createView(view) : undefined;
    case 'extra-view':
      return `DROP ${liveView?.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} IF EXISTS ${q(f.view!)};`;
    case 'view-definition':
      return view ? `DROP ${liveView?.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} IF EXISTS ${q(f.view!)};\n${createView(view)}` : undefined;
    case 'missing-function':
    case 'function-definition':
      return fn ? `${fn.definition};` : undefined;
    case 'extra-function':
      return `DROP ROUTINE IF EXISTS ${f.function};`;
    case 'missing-sequence':
      return sequence ? `CREATE SEQUENCE IF NOT EXISTS ${q(sequence.name)} ${sequenceOptions(sequence)};` : undefined;
    case 'extra-sequence':
      return `DROP SEQUENCE IF EXISTS ${q(f.sequence!)};`;
    case 'sequence-definition':
      return sequence ? `ALTER SEQUENCE ${q(sequence.name)} ${sequenceOptions(sequence)};` : undefined;
    case 'missing-extension':
      return `CREATE EXTENSION IF NOT EXISTS ${q(f.extension!)};`;
    case 'extra-extension':
      return `DROP EXTENSION IF EXISTS ${q(f.extension!)};`;
  }
}

/** SQLite alters little in place: what it cannot alter is fixed by rebuilding the table as the schema creates it. */
function sqliteFix(f: DriftFinding, expected: DatabaseSchema, actual: DatabaseSchema): string | undefined {
  const table = f.table === undefined ? '' : q(f.table);
  const want = tableOf(expected, f.table);
  const have = tableOf(actual, f.table);
  const index = find(want?.indexes, f.index);
  const trigger = find(want?.triggers, f.trigger);
  const view = find(expected.views, f.view);
  switch (f.code) {
    case 'missing-table':
      return want?.sql ? [`${want.sql};`, ...want.indexes.filter((i) => i.definition).map((i) => `${i.definition};`)].join('\n') : undefined;
    case 'extra-table':
      return `DROP TABLE IF EXISTS ${table};`;
    case 'missing-column': {
      const column = find(want?.columns, f.column);
      return column
        ? `ALTER TABLE ${table} ADD COLUMN ${q(column.name)} ${column.type}${column.nullable ? '' : ' NOT NULL'}${column.default !== null ? ` DEFAULT ${column.default}` : ''};`
        : undefined;
    }
    case 'extra-column':
      return `ALTER TABLE ${table} DROP COLUMN ${q(f.column!)};`;
    case 'missing-index':
    case 'missing-unique':
      return index?.definition ? `${index.definition};` : undefined;
    case 'extra-index':
    case 'extra-unique':
      return `DROP INDEX IF EXISTS ${q(f.index!)};`;
    case 'index-definition':
      return index?.definition ? `DROP INDEX IF EXISTS ${q(f.index!)};\n${index.definition};` : undefined;
    case 'missing-trigger':
      return trigger ? `${trigger.definition};` : undefined;
    case 'extra-trigger':
      return `DROP TRIGGER IF EXISTS ${q(f.trigger!)};`;
    case 'trigger-definition':
      return trigger ? `DROP TRIGGER IF EXISTS ${q(f.trigger!)};\n${trigger.definition};` : undefined;
    case 'missing-view':
      return view ? `CREATE VIEW ${q(view.name)} AS ${view.definition};` : undefined;
    case 'extra-view':
      return `DROP VIEW IF EXISTS ${q(f.view!)};`;
    case 'view-definition':
      return view ? `DROP VIEW IF EXISTS ${q(f.view!)};\nCREATE VIEW ${q(view.name)} AS ${view.definition};` : undefined;
    case 'column-type':
    case 'column-nullability':
    case 'column-default':
    case 'primary-key':
    case 'missing-foreign-key':
    case 'extra-foreign-key':
    case 'foreign-key-definition':
    case 'missing-check':
    case 'extra-check':
    case 'check-definition':
      return want?.sql && have ? rebuildSqliteTable(want, have) : undefined;
    default:
      return undefined;
  }
}

/**
 * Prisma's own recipe: create the schema's table beside, copy the shared columns, swap, recreate
 * its indexes and triggers (dropped with the old table). legacy_alter_table keeps SQLite from
 * checking views that name the table while it is briefly missing.
 */
function rebuildSqliteTable(want: DatabaseTable, have: DatabaseTable): string {
  const temporary = `new_${want.name}`;
  const create = want.sql!.replace(/^(\s*CREATE\s+TABLE\s+)("(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|\S+)/i, `$1${q(temporary)}`);
  const shared = want.columns
    .filter((column) => have.columns.some((live) => live.name === column.name))
    .map((column) => q(column.name))
    .join(', ');
  return [
    'PRAGMA defer_foreign_keys=ON;',
    'PRAGMA foreign_keys=OFF;',
    'PRAGMA legacy_alter_table=ON;',
    `${create};`,
    `INSERT INTO ${q(temporary)} (${shared}) SELECT ${shared} FROM ${q(want.name)};`,
    `DROP TABLE ${q(want.name)};`,
    `ALTER TABLE ${q(temporary)} RENAME TO ${q(want.name)};`,
    ...want.indexes.filter((index) => index.definition).map((index) => `${index.definition};`),
    ...(want.triggers ?? []).map((trigger) => `${trigger.definition};`),
    'PRAGMA legacy_alter_table=OFF;',
    'PRAGMA foreign_keys=ON;',
    'PRAGMA defer_foreign_keys=OFF;',
  ].join('\n');
}

function postgresColumn(column: DatabaseColumn): string {
  return `${q(column.name)} ${column.type}${column.nullable ? '' : ' NOT NULL'}${column.default !== null ? ` DEFAULT ${column.default}` : ''}`;
}

function createPostgresTable(table: DatabaseTable): string {
  const parts = table.columns.map(postgresColumn);
  if (table.primaryKey.length > 0)
    parts.push(`CONSTRAINT ${q(table.primaryKeyName ?? `${table.name}_pkey`)} PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`);
  return [
    `CREATE TABLE IF NOT EXISTS ${q(table.name)} (\n  ${parts.join(',\n  ')}\n);`,
    ...table.indexes.map(createIndex),
    ...table.foreignKeys.map((key) => addForeignKey(table.name, key)),
    ...(table.constraints ?? []).map((c) => addConstraint(table.name, c)),
    ...(table.rowLevelSecurity?.enabled ? [`ALTER TABLE ${q(table.name)} ENABLE ROW LEVEL SECURITY;`] : []),
    ...(table.rowLevelSecurity?.forced ? [`ALTER TABLE ${q(table.name)} FORCE ROW LEVEL SECURITY;`] : []),
    ...(table.policies ?? []).map((p) => createPolicy(table.name, p)),
    ...(table.triggers ?? []).map((t) => `${t.definition};`),
  ].join('\n');
}

function createIndex(index: DatabaseIndex): string {
  if (index.definition) return `${index.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')};`;
  return `-- index ${q(index.name)}: its definition was not read`;
}

function addForeignKey(table: string, key: DatabaseForeignKey): string {
  return `ALTER TABLE ${q(table)} ADD CONSTRAINT ${q(key.name)} FOREIGN KEY (${key.columns.map(q).join(', ')}) REFERENCES ${q(key.referencedTable)}(${key.referencedColumns.map(q).join(', ')}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate};`;
}

function addConstraint(table: string, constraint: DatabaseConstraint): string {
  return `ALTER TABLE ${q(table)} ADD CONSTRAINT ${q(constraint.name)} ${constraint.definition};`;
}

function createPolicy(table: string, policy: DatabasePolicy): string {
  const roles = policy.roles.map((role) => (role === 'public' ? 'PUBLIC' : q(role))).join(', ');
  return `CREATE POLICY ${q(policy.name)} ON ${q(table)} AS ${policy.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${policy.command} TO ${roles}${policy.using !== null ? ` USING (${policy.using})` : ''}${policy.withCheck !== null ? ` WITH CHECK (${policy.withCheck})` : ''};`;
}

function createView(view: DatabaseView): string {
  return `CREATE ${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${q(view.name)} AS\n${view.definition};`;
}

function sequenceOptions(s: DatabaseSequence): string {
  return `AS ${s.type} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`;
}

/**
 * PostgreSQL cannot drop or reorder enum values: the type is recreated (Prisma's own recipe),
 * each column of the type converted through text, its default dropped and set again around it.
 */
function recreateEnum(name: string, values: string[], expected: DatabaseSchema): string {
  const old = `${name}_old`;
  const typeNames = new Set([name, q(name)]);
  const users = expected.tables.flatMap((table) =>
    table.columns
      .filter((column) => typeNames.has(column.type.replace(/\[\]$/, '')))
      .map((column) => ({ table: table.name, column, array: column.type.endsWith('[]') })),
  );
  const lines = [`ALTER TYPE ${q(name)} RENAME TO ${q(old)};`, `CREATE TYPE ${q(name)} AS ENUM (${values.map(literal).join(', ')});`];
  for (const use of users) {
    const target = `${q(name)}${use.array ? '[]' : ''}`;
    if (use.column.default !== null) lines.push(`ALTER TABLE ${q(use.table)} ALTER COLUMN ${q(use.column.name)} DROP DEFAULT;`);
    lines.push(
      `ALTER TABLE ${q(use.table)} ALTER COLUMN ${q(use.column.name)} TYPE ${target} USING (${q(use.column.name)}::text${use.array ? '[]' : ''}::${target});`,
    );
    if (use.column.default !== null) lines.push(`ALTER TABLE ${q(use.table)} ALTER COLUMN ${q(use.column.name)} SET DEFAULT ${use.column.default};`);
  }
  lines.push(`DROP TYPE ${q(old)};`);
  return lines.join('\n');
}

/** A database default as a Prisma attribute: literals and now() as Prisma writes them, anything else through dbgenerated. */
function prismaDefault(text: string, isEnum: boolean): string {
  const meaning = normaliseDefault(text) ?? '';
  if (meaning === 'now()') return '@default(now())';
  if (/^(-?\d+(\.\d+)?|true|false)$/.test(meaning)) return `@default(${meaning})`;
  const literal = /^'((?:[^']|'')*)'$/.exec(meaning);
  if (literal && isEnum && /^\w+$/.test(literal[1])) return `@default(${literal[1]})`;
  if (literal && !isEnum) return `@default(${JSON.stringify(literal[1].replace(/''/g, "'"))})`;
  return `@default(dbgenerated(${JSON.stringify(text)}))`;
}

/** The master edit that would make the schema say what the database has, where Prisma can say it. */
function adoption(f: DriftFinding, actual: DatabaseSchema): string | undefined {
  const model = f.table === undefined ? '' : `the model mapped to "${f.table}"`;
  const live = tableOf(actual, f.table);
  switch (f.code) {
    case 'extra-index':
    case 'extra-unique':
    case 'index-definition': {
      const index = find(live?.indexes, f.index);
      if (!index) return undefined;
      if (index.where) return `Prisma cannot declare a partial index (WHERE ${index.where}): keep it in the environment's SQL objects, or acknowledge it`;
      const plainKeys = index.keys ?? index.columns;
      if (plainKeys.some((part, i) => part !== index.columns[i] && !/^\S+ (\w+_ops|DESC)$/i.test(part)) || index.columns.some((c) => /[()]/.test(c))) {
        return `Prisma cannot declare an expression index: keep it in the environment's SQL objects, or acknowledge it`;
      }
      if (index.include?.length) return `Prisma cannot declare INCLUDE columns: keep the index in the environment's SQL objects, or acknowledge it`;
      const fields = plainKeys.map((part) => {
        const [name, option] = part.split(' ');
        if (!option) return name;
        return /^desc$/i.test(option) ? `${name}(sort: Desc)` : `${name}(ops: raw("${option}"))`;
      });
      const type = index.method && index.method !== 'btree' ? `, type: ${index.method[0].toUpperCase()}${index.method.slice(1)}` : '';
      return `in ${model}: @@${index.unique ? 'unique' : 'index'}([${fields.join(', ')}]${type}, map: "${index.name}") (fields of these columns)`;
    }
    case 'column-default': {
      const column = find(live?.columns, f.column);
      const isEnum = column !== undefined && actual.enums.some((type) => [type.name, q(type.name)].includes(column.type));
      return `on the field mapped to "${f.table}"."${f.column}": ${column?.default ? prismaDefault(column.default, isEnum) : 'remove @default'}`;
    }
    case 'column-nullability':
      return `make the field mapped to "${f.table}"."${f.column}" ${f.actual === 'NULL' ? 'optional (Type?)' : 'required (drop the ?)'}${f.actual === 'NOT NULL' ? '; Prisma cannot declare NOT NULL on a scalar list' : ''}`;
    case 'extra-column':
      return `add a field for column "${f.column}" (${f.actual}) to ${model} (prisma db pull shows its Prisma type)`;
    case 'extra-table':
      return `add a model for table "${f.table}" to the master (prisma db pull shows it)`;
    case 'extra-enum-value':
      return `add ${f.value} to enum ${f.enum} in the master`;
    case 'extra-enum':
      return `add enum ${f.enum} to the master`;
    case 'extra-extension':
      return `declare it in the datasource: extensions = [${f.extension}] (preview feature postgresqlExtensions)`;
    case 'extra-check':
    case 'extra-exclusion':
    case 'extra-view':
    case 'extra-function':
    case 'extra-trigger':
    case 'extra-policy':
    case 'row-level-security':
      return `Prisma cannot declare it: keep it in the environment's SQL objects, or acknowledge it`;
    default:
      return undefined;
  }
}

/**
 * Drops of dependent objects first (triggers, policies, views before the columns they read), then
 * the types, sequences and functions tables need, then tables, columns, keys and what sits on them.
 */
const ORDER: DriftCode[] = [
  'extra-trigger',
  'extra-policy',
  'extra-view',
  'extra-foreign-key',
  'extra-index',
  'extra-unique',
  'extra-check',
  'extra-exclusion',
  'extra-column',
  'extra-table',
  'extra-function',
  'extra-sequence',
  'extra-enum',
  'extra-extension',
  'missing-extension',
  'missing-enum',
  'missing-enum-value',
  'extra-enum-value',
  'enum-value-order',
  'missing-sequence',
  'sequence-definition',
  'missing-function',
  'function-definition',
  'missing-table',
  'missing-column',
  'column-type',
  'column-nullability',
  'column-default',
  'primary-key',
  'missing-index',
  'missing-unique',
  'index-definition',
  'missing-foreign-key',
  'foreign-key-definition',
  'missing-check',
  'check-definition',
  'missing-exclusion',
  'exclusion-definition',
  'missing-view',
  'view-definition',
  'missing-trigger',
  'trigger-definition',
  'row-level-security',
  'missing-policy',
  'policy-definition',
];

/** Findings in the order their fixes can run in (see ORDER). */
export function inScriptOrder<T extends DriftFinding>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code));
}
