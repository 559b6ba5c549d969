/**
 * Renames planned before the engine's diff, so the migration renames what the engine would
 * drop and re-create (losing its data). Two sources:
 *
 * - `@map`, `@@map` and `map:` changes: the previous master (the one the last migration was
 *   made from, see previous-master.ts) and the new one have the same model, field, enum, enum
 *   value or index under a different database name. Steward knows it is the same thing.
 * - `/// @steward.renamedFrom("old")` on a model or field, for a Prisma-level rename (the
 *   model or field itself has a new name). "old" is the name the database has: the old table
 *   or column name (the old model or field name unless it was mapped with @@map / @map).
 *
 * Every rename is planned only when the history's structure still has the old name and lacks
 * the new one, so once the rename migration exists nothing is planned again, and an outdated
 * previous master cannot rename what is not there.
 *
 * SQLite (3.25+) and PostgreSQL spell table and column renames the same way, except that SQLite
 * compares table names case-insensitively: `"Credentials"` -> `"credentials"` is refused ("there
 * is already another table or index with this name") and goes through a temporary name. On a
 * PostgreSQL master with several schemas (`schemas = [...]`, `@@schema`), renames are planned per
 * namespace against that namespace's structure, and every statement names the namespace. Enum types and
 * values exist only on PostgreSQL (SQLite environments store enums as their value names in
 * text columns, so a value's `@map` does not change what is stored there). SQLite has no index
 * rename: the engine re-creates the index, which loses no data.
 */
import type { DatabaseSchema } from '../database/model.js';
import { parseAnnotations } from '../generate/annotations.js';
import type { Attribute, Model, Schema } from '../schema/model.js';
import type { ConfirmedRename } from './rename-questions.js';
import { databaseName, fieldKind, fieldRefs, getArgument, getAttribute, getAttributes, stringValue } from '../schema/query.js';
import { providerAdapter } from '../providers/registry.js';

export type RenameKind = 'table' | 'column' | 'enum' | 'enum-value' | 'index' | 'constraint';

export interface PlannedRename {
  kind: RenameKind;
  /** The table (after its own rename), or the enum type for enum values. */
  table: string;
  from: string;
  to: string;
  /** What asked for it: a changed `@map`/`@@map`/`map:`, or `@steward.renamedFrom`. */
  source: 'map' | 'annotation';
  /** The statement, quoted for the provider. */
  sql: string;
}

export function tableNameOf(model: Model): string {
  return databaseName(model);
}

/** The history's names, updated as renames are planned. */
class HistoryNames {
  readonly tables = new Map<string, Set<string>>();
  readonly indexes = new Map<string, Set<string>>();
  readonly enums = new Map<string, Set<string>>();
  readonly provider: DatabaseSchema['provider'];

  constructor(history: DatabaseSchema) {
    this.provider = history.provider;
    for (const table of history.tables) {
      this.tables.set(table.name, new Set(table.columns.map((column) => column.name)));
      this.indexes.set(table.name, new Set(table.indexes.map((index) => index.name)));
    }
    for (const type of history.enums) this.enums.set(type.name, new Set(type.values));
  }

  renameTable(from: string, to: string): void {
    this.tables.set(to, this.tables.get(from)!);
    this.tables.delete(from);
    this.indexes.set(to, this.indexes.get(from) ?? new Set());
    this.indexes.delete(from);
  }
}

export interface PlanRenamesOptions {
  /** The master the history was last migrated to; without it only annotations are planned. */
  previous?: Schema;
  /**
   * The history's migration scripts. A SQLite enum value rename is an UPDATE of the rows, which
   * the structure cannot show as done: it is planned only when no migration already has it.
   */
  historyScripts?: readonly string[];
  /**
   * Plan only the models and enums of this PostgreSQL schema (`@@schema("cms")`), against
   * `history` read from it, with namespace-qualified statements. Without it: every model and enum,
   * unqualified names (the connection's default schema).
   */
  namespace?: string;
  /**
   * Renames confirmed outside the schema (a `migrate create --rename` flag or an answer on a
   * terminal, see rename-questions.ts): planned as if the new member had `@steward.renamedFrom`.
   */
  confirmed?: readonly ConfirmedRename[];
}

/** The `@@schema("...")` of a model or enum (multiSchema), if any. */
export function namespaceOf(node: { attributes: Attribute[] }): string | undefined {
  const attribute = getAttribute(node, 'schema');
  return attribute ? stringValue(getArgument(attribute, 'name', 0)?.value) : undefined;
}

export function planRenames(master: Schema, history: DatabaseSchema, options: PlanRenamesOptions = {}): PlannedRename[] {
  const names = new HistoryNames(history);
  const renames: PlannedRename[] = [];
  const previousModels = new Map((options.previous?.models ?? []).map((model) => [model.name, model]));
  // Enum types and index renames are PostgreSQL SQL (ALTER TYPE, ALTER INDEX); SQLite updates enum values in place.
  const postgres = providerAdapter(names.provider).family === 'postgresql';
  const { namespace } = options;
  const inNamespace = (node: { attributes: Attribute[] }) => namespace === undefined || namespaceOf(node) === namespace;
  // A name in this namespace: qualified when planning one namespace of several.
  const qualified = (name: string) => (namespace === undefined ? quote(name) : `${quote(namespace)}.${quote(name)}`);
  const confirmed = [...(options.confirmed ?? []), ...enumAnnotations(master)];
  const confirmedFrom = (kind: ConfirmedRename['kind'], owner: string, member?: string) =>
    confirmed.find((c) => c.kind === kind && c.owner === owner && c.member === member)?.from;

  // Enum types and values renamed by annotation or confirmation (PostgreSQL: ALTER TYPE).
  if (postgres) {
    for (const type of master.enums) {
      if (!inNamespace(type)) continue;
      const name = databaseName(type);
      const old = confirmedFrom('enum', type.name);
      if (old !== undefined && old !== name && names.enums.has(old) && !names.enums.has(name)) {
        renames.push({ kind: 'enum', table: name, from: old, to: name, source: 'annotation', sql: `ALTER TYPE ${qualified(old)} RENAME TO ${quote(name)};` });
        names.enums.set(name, names.enums.get(old)!);
        names.enums.delete(old);
      }
      const values = names.enums.get(name);
      if (!values) continue;
      for (const value of type.values) {
        const from = confirmedFrom('enum-value', type.name, value.name);
        const to = databaseName(value);
        if (from === undefined || from === to || !values.has(from) || values.has(to)) continue;
        renames.push({
          kind: 'enum-value',
          table: name,
          from,
          to,
          source: 'annotation',
          sql: `ALTER TYPE ${qualified(name)} RENAME VALUE ${literal(from)} TO ${literal(to)};`,
        });
        values.delete(from);
        values.add(to);
      }
    }
  }

  if (postgres && options.previous) {
    const previousEnums = new Map(options.previous.enums.map((type) => [type.name, type]));
    for (const type of master.enums.filter(inNamespace)) {
      const before = previousEnums.get(type.name);
      if (!before) continue;
      const name = databaseName(type);
      const old = databaseName(before);
      if (old !== name && names.enums.has(old) && !names.enums.has(name)) {
        renames.push({ kind: 'enum', table: name, from: old, to: name, source: 'map', sql: `ALTER TYPE ${qualified(old)} RENAME TO ${quote(name)};` });
        names.enums.set(name, names.enums.get(old)!);
        names.enums.delete(old);
      }
      const values = names.enums.get(name);
      if (!values) continue;
      const previousValues = new Map(before.values.map((value) => [value.name, databaseName(value)]));
      for (const value of type.values) {
        const from = previousValues.get(value.name);
        const to = databaseName(value);
        if (from === undefined || from === to || !values.has(from) || values.has(to)) continue;
        renames.push({
          kind: 'enum-value',
          table: name,
          from,
          to,
          source: 'map',
          sql: `ALTER TYPE ${qualified(name)} RENAME VALUE ${literal(from)} TO ${literal(to)};`,
        });
        values.delete(from);
        values.add(to);
      }
    }
  }

  for (const model of master.models.filter(inNamespace)) {
    const table = tableNameOf(model);
    const previous = previousModels.get(model.name);
    const annotation = parseAnnotations(model.docs).find((candidate) => candidate.kind === 'renamedFrom');
    const confirmedTable = confirmedFrom('table', model.name);
    const oldTable = annotation?.kind === 'renamedFrom' ? annotation.from : (confirmedTable ?? (previous ? tableNameOf(previous) : undefined));
    if (oldTable !== undefined && oldTable !== table && names.tables.has(oldTable) && !names.tables.has(table)) {
      const sql =
        !postgres && oldTable.toLowerCase() === table.toLowerCase()
          ? sqliteCaseRename(oldTable, table)
          : `ALTER TABLE ${qualified(oldTable)} RENAME TO ${quote(table)};`;
      renames.push({ kind: 'table', table, from: oldTable, to: table, source: annotation || confirmedTable !== undefined ? 'annotation' : 'map', sql });
      names.renameTable(oldTable, table);
    }
    const columns = names.tables.get(table);
    if (!columns) continue;
    const previousFields = new Map((previous?.fields ?? []).map((field) => [field.name, field]));
    for (const field of model.fields) {
      const fieldAnnotation = parseAnnotations(field.docs).find((candidate) => candidate.kind === 'renamedFrom');
      const confirmedColumn = confirmedFrom('column', model.name, field.name);
      const before = previousFields.get(field.name);
      const kind = fieldKind(master, field);
      if (!fieldAnnotation && confirmedColumn === undefined && (!before || (kind !== 'scalar' && kind !== 'enum' && kind !== 'unsupported'))) continue;
      const column = databaseName(field);
      const oldColumn = fieldAnnotation?.kind === 'renamedFrom' ? fieldAnnotation.from : (confirmedColumn ?? databaseName(before!));
      if (oldColumn === column || !columns.has(oldColumn) || columns.has(column)) continue;
      renames.push({
        kind: 'column',
        table,
        from: oldColumn,
        to: column,
        source: fieldAnnotation || confirmedColumn !== undefined ? 'annotation' : 'map',
        sql: `ALTER TABLE ${qualified(table)} RENAME COLUMN ${quote(oldColumn)} TO ${quote(column)};`,
      });
      columns.delete(oldColumn);
      columns.add(column);
    }
    if (postgres && previous) renames.push(...indexRenames(previous, model, table, names, qualified));
  }
  if (!postgres && options.previous) renames.push(...sqliteEnumValueUpdates(options.previous, master, names, options.historyScripts ?? []));
  if (!postgres) renames.push(...sqliteConfirmedValueUpdates(master, names, confirmed, options.historyScripts ?? []));
  return renames;
}

/** `@steward.renamedFrom("old")` on an enum (the old type name) or on one of its values (the old stored value). */
function enumAnnotations(master: Schema): ConfirmedRename[] {
  const out: ConfirmedRename[] = [];
  const renamedFrom = (docs: Model['docs']) => {
    const a = parseAnnotations(docs).find((candidate) => candidate.kind === 'renamedFrom');
    return a?.kind === 'renamedFrom' ? a.from : undefined;
  };
  for (const type of master.enums) {
    const from = renamedFrom(type.docs);
    if (from !== undefined) out.push({ kind: 'enum', owner: type.name, from });
    for (const value of type.values) {
      const old = renamedFrom(value.docs);
      if (old !== undefined) out.push({ kind: 'enum-value', owner: type.name, member: value.name, from: old });
    }
  }
  return out;
}

/** SQLite stores enum values as text: a confirmed value rename is an UPDATE of every column of that enum. */
function sqliteConfirmedValueUpdates(
  master: Schema,
  names: HistoryNames,
  confirmed: readonly ConfirmedRename[],
  historyScripts: readonly string[],
): PlannedRename[] {
  const renames: PlannedRename[] = [];
  for (const c of confirmed) {
    if (c.kind !== 'enum-value' || c.member === undefined) continue;
    const type = master.enums.find((candidate) => candidate.name === c.owner);
    const value = type?.values.find((candidate) => candidate.name === c.member);
    if (!type || !value || databaseName(value) === c.from) continue;
    renames.push(...enumValueUpdates(master, type.name, c.from, databaseName(value), 'annotation', names, historyScripts));
  }
  return renames;
}

/** The UPDATE of every SQLite column of an enum that renames one stored value, unless the history already ran it. */
function enumValueUpdates(
  master: Schema,
  enumName: string,
  from: string,
  to: string,
  source: PlannedRename['source'],
  names: HistoryNames,
  historyScripts: readonly string[],
): PlannedRename[] {
  const renames: PlannedRename[] = [];
  for (const model of master.models) {
    const table = tableNameOf(model);
    for (const field of model.fields) {
      if (field.type.name !== enumName || field.type.list) continue;
      const column = databaseName(field);
      if (!names.tables.get(table)?.has(column)) continue;
      const sql = `UPDATE ${quote(table)} SET ${quote(column)} = ${literal(to)} WHERE ${quote(column)} = ${literal(from)};`;
      if (historyScripts.some((script) => script.includes(sql))) continue;
      renames.push({ kind: 'enum-value', table, from, to, source, sql });
    }
  }
  return renames;
}

/**
 * SQLite stores an enum as its values' database names in a text column: a value's new `@map`
 * is an UPDATE of every column of that enum (lists, stored as JSON, are left as they are).
 */
function sqliteEnumValueUpdates(previous: Schema, master: Schema, names: HistoryNames, historyScripts: readonly string[]): PlannedRename[] {
  const renames: PlannedRename[] = [];
  const previousEnums = new Map(previous.enums.map((type) => [type.name, type]));
  for (const type of master.enums) {
    const before = previousEnums.get(type.name);
    if (!before) continue;
    const previousValues = new Map(before.values.map((value) => [value.name, databaseName(value)]));
    for (const value of type.values) {
      const from = previousValues.get(value.name);
      const to = databaseName(value);
      if (from === undefined || from === to) continue;
      renames.push(...enumValueUpdates(master, type.name, from, to, 'map', names, historyScripts));
    }
  }
  return renames;
}

/**
 * Indexes and unique constraints whose database name changed (an explicit `map:`, or the
 * default name after a table or column rename), matched by kind and fields (by Prisma name):
 * `ALTER INDEX ... RENAME TO`. Prisma creates unique constraints as unique indexes, so both are
 * indexes here. Primary keys renamed by `map:` are renamed by the engine itself; a foreign key
 * renamed by `map:` is re-created by it (no data changes).
 */
function indexRenames(previous: Model, model: Model, table: string, names: HistoryNames, qualified: (name: string) => string): PlannedRename[] {
  const existing = names.indexes.get(table);
  if (!existing) return [];
  const renames: PlannedRename[] = [];
  const before = new Map(indexDefinitions(previous).map((index) => [index.key, index.name]));
  for (const index of indexDefinitions(model)) {
    const old = before.get(index.key);
    if (old === undefined || old === index.name || !existing.has(old) || existing.has(index.name)) continue;
    renames.push({ kind: 'index', table, from: old, to: index.name, source: 'map', sql: `ALTER INDEX ${qualified(old)} RENAME TO ${quote(index.name)};` });
    existing.delete(old);
    existing.add(index.name);
  }
  return renames;
}

/** `@@index`, `@@unique` and field-level `@unique` with their database names (`map:` or Prisma's default). */
function indexDefinitions(model: Model): Array<{ key: string; name: string }> {
  const out: Array<{ key: string; name: string }> = [];
  const table = tableNameOf(model);
  const columnOf = (fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field ? databaseName(field) : fieldName;
  };
  const named = (attribute: Attribute, kind: 'index' | 'unique', fields: string[]) => ({
    key: `${kind}:${fields.join(',')}`,
    name: stringValue(getArgument(attribute, 'map')?.value) ?? defaultIndexName(table, fields.map(columnOf), kind),
  });
  for (const kind of ['index', 'unique'] as const) {
    for (const attribute of getAttributes(model, kind)) out.push(named(attribute, kind, fieldRefs(getArgument(attribute, 'fields', 0)?.value)));
  }
  for (const field of model.fields) {
    const unique = getAttribute(field, 'unique');
    if (unique) out.push(named(unique, 'unique', [field.name]));
  }
  return out;
}

/** Prisma's default index name: `<table>_<columns>_idx` or `_key`, cut to PostgreSQL's 63 bytes. */
function defaultIndexName(table: string, columns: string[], kind: 'index' | 'unique'): string {
  const suffix = kind === 'index' ? '_idx' : '_key';
  const base = `${table}_${columns.join('_')}`;
  return base.length + suffix.length > 63 ? `${base.slice(0, 63 - suffix.length)}${suffix}` : `${base}${suffix}`;
}

/**
 * SQLite refuses a table rename that changes only the case ("there is already another table or
 * index with this name"): through a temporary name that no Prisma schema produces.
 */
function sqliteCaseRename(from: string, to: string): string {
  const temporary = `${to}__steward_rename`;
  return `ALTER TABLE ${quote(from)} RENAME TO ${quote(temporary)};\nALTER TABLE ${quote(temporary)} RENAME TO ${quote(to)};`;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
