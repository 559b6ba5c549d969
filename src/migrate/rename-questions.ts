/**
 * Probable renames as questions for `migrate create`: the diff of the previous master (the one
 * the history was last migrated to) and the new one reports each model, column, enum or enum
 * value that disappeared while a similar one appeared (src/diff/rename-inference.ts). Prisma's
 * engine would drop it and create the new one, losing the data. Each question is settled by
 * `/// @steward.renamedFrom("old")` (then it is no question: the diff pairs them), a flag
 * (`--rename Old=New`, `--accept-drop Old`), or an answer on a terminal. A confirmed rename is
 * planned as RENAME by renames.ts. Without a terminal, an unsettled one whose drop the planned
 * script contains refuses the migration.
 */
import { diffSchemas } from '../diff/diff.js';
import { StewardError } from '../errors/index.js';
import type { Schema } from '../schema/model.js';
import { databaseName } from '../schema/query.js';

export type RenameQuestionKind = 'table' | 'column' | 'enum' | 'enum-value';

/** A rename confirmed by a flag or an answer, planned like `@steward.renamedFrom`. */
export interface ConfirmedRename {
  kind: RenameQuestionKind;
  /** The model or enum, by its new Prisma name. */
  owner: string;
  /** The field or enum value, by its new Prisma name (columns and values). */
  member?: string;
  /** The old database name: table, column, enum type or stored value. */
  from: string;
}

export interface RenameQuestion {
  kind: RenameQuestionKind;
  /** How flags name the old member: `Old` (models, enums) or `Model.old` (fields, values). */
  fromLabel: string;
  /** The same member under its old owner's name, also accepted by flags. */
  fromAliases: string[];
  /** How flags name the new member: `New` or `Model.new`. */
  toLabel: string;
  /** The diff's sentence: what, the evidence, and how to confirm. */
  message: string;
  rename: ConfirmedRename;
  /** Old and new database names (for telling whether a script drops the old one). */
  oldName: string;
  newName: string;
  /** The table (columns) or the enum type (values) the old name lives in, as the history has it. */
  oldOwner?: string;
}

/** Every probable rename from `previous` to `master` that carries data (relation fields carry none). */
export function renameQuestions(previous: Schema, master: Schema): RenameQuestion[] {
  const out: RenameQuestion[] = [];
  // A transition's old and new column are asked about as any rename: a one-step migration drops one and adds the other.
  const changes = diffSchemas(previous, master, { transitions: false });
  const renamedOwners = new Map<string, string>();
  for (const c of changes)
    if ((c.code === 'probable-model-rename' || c.code === 'probable-enum-rename') && c.before && c.after) renamedOwners.set(c.after, c.before);
  const previousModel = (name: string) => previous.models.find((m) => m.name === (renamedOwners.get(name) ?? name));
  const previousEnum = (name: string) => previous.enums.find((e) => e.name === (renamedOwners.get(name) ?? name));
  for (const c of changes) {
    if (!c.before || !c.after || !c.renamedFrom) continue;
    if (c.code === 'probable-model-rename') {
      const model = master.models.find((m) => m.name === c.after)!;
      out.push({
        kind: 'table',
        fromLabel: c.before,
        fromAliases: [],
        toLabel: c.after,
        message: c.message,
        rename: { kind: 'table', owner: c.after, from: c.renamedFrom },
        oldName: c.renamedFrom,
        newName: databaseName(model),
      });
    } else if (c.code === 'probable-enum-rename') {
      const type = master.enums.find((e) => e.name === c.after)!;
      out.push({
        kind: 'enum',
        fromLabel: c.before,
        fromAliases: [],
        toLabel: c.after,
        message: c.message,
        rename: { kind: 'enum', owner: c.after, from: c.renamedFrom },
        oldName: c.renamedFrom,
        newName: databaseName(type),
      });
    } else if (c.code === 'probable-field-rename' && c.column !== undefined && c.model) {
      const old = previousModel(c.model);
      out.push({
        kind: 'column',
        fromLabel: `${c.model}.${c.before}`,
        fromAliases: old && old.name !== c.model ? [`${old.name}.${c.before}`] : [],
        toLabel: `${c.model}.${c.after}`,
        message: c.message,
        rename: { kind: 'column', owner: c.model, member: c.after, from: c.renamedFrom },
        oldName: c.renamedFrom,
        newName: c.column,
        oldOwner: old ? databaseName(old) : undefined,
      });
    } else if (c.code === 'probable-enum-value-rename' && c.model) {
      const type = master.enums.find((e) => e.name === c.model)!;
      const value = type.values.find((v) => v.name === c.after)!;
      const old = previousEnum(c.model);
      out.push({
        kind: 'enum-value',
        fromLabel: `${c.model}.${c.before}`,
        fromAliases: old && old.name !== c.model ? [`${old.name}.${c.before}`] : [],
        toLabel: `${c.model}.${c.after}`,
        message: c.message,
        rename: { kind: 'enum-value', owner: c.model, member: c.after, from: c.renamedFrom },
        oldName: c.renamedFrom,
        newName: databaseName(value),
        oldOwner: old ? databaseName(old) : undefined,
      });
    }
  }
  return out;
}

export interface RenameDecisions {
  confirmed: ConfirmedRename[];
  accepted: RenameQuestion[];
  open: RenameQuestion[];
}

/**
 * Settles questions with `--rename Old=New` / `--rename Model.old=Model.new` and
 * `--accept-drop Old` / `--accept-drop Model.old`. A flag that names no question is a usage
 * error (exit 2) listing the questions, so a typo never lets a drop through.
 */
export function decideByFlags(questions: readonly RenameQuestion[], renames: readonly string[], acceptDrops: readonly string[]): RenameDecisions {
  const confirmed: ConfirmedRename[] = [];
  const accepted: RenameQuestion[] = [];
  const settled = new Set<RenameQuestion>();
  const names = (q: RenameQuestion) => [q.fromLabel, ...q.fromAliases];
  const known = () => (questions.length ? questions.map((q) => `${q.fromLabel}=${q.toLabel}`).join(', ') : 'none');
  for (const flag of renames) {
    const [from, to, extra] = flag.split('=');
    const q = questions.find((x) => names(x).includes(from?.trim() ?? '') && x.toLabel === to?.trim());
    if (extra !== undefined || !q)
      throw new StewardError('USAGE', `--rename ${flag} names no probable rename`, { hint: `Probable renames in this change: ${known()}` });
    confirmed.push(q.rename);
    settled.add(q);
  }
  for (const flag of acceptDrops) {
    const q = questions.find((x) => names(x).includes(flag.trim()));
    if (!q) throw new StewardError('USAGE', `--accept-drop ${flag} names no probable rename`, { hint: `Probable renames in this change: ${known()}` });
    if (settled.has(q)) throw new StewardError('USAGE', `${q.fromLabel} is both renamed (--rename) and dropped (--accept-drop)`);
    accepted.push(q);
    settled.add(q);
  }
  return { confirmed, accepted, open: questions.filter((q) => !settled.has(q)) };
}

/** Whether a planned script drops the old member of a question (else the question does not matter here). */
export function scriptDrops(script: string, q: RenameQuestion): boolean {
  const id = (name: string) => `(?:"(?:[^"]*)"\\.)?"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '""')}"`;
  switch (q.kind) {
    case 'table':
      return new RegExp(`DROP TABLE (?:IF EXISTS )?${id(q.oldName)}`, 'i').test(script);
    case 'enum':
      return new RegExp(`DROP TYPE (?:IF EXISTS )?${id(q.oldName)}`, 'i').test(script);
    case 'column':
      // Dropped on its own, or with its table: dropped outright, or rebuilt by SQLite without it (the copy leaves it out).
      return (
        new RegExp(`DROP COLUMN ${id(q.oldName)}`, 'i').test(script) ||
        (q.oldOwner !== undefined && new RegExp(`DROP TABLE (?:IF EXISTS )?${id(q.oldOwner)}`, 'i').test(script))
      );
    case 'enum-value':
      // PostgreSQL rebuilds the type without the value; SQLite has no enum type, so nothing is dropped.
      return q.oldOwner !== undefined && new RegExp(`CREATE TYPE ${id(`${q.oldOwner}_new`)} AS ENUM`, 'i').test(script);
  }
}
