/**
 * Rename inference: when something disappears and something similar appears in the same change,
 * it is probably the same thing under a new name. Prisma's engine cannot know it and migrates
 * a drop and a create, losing the data (prisma/prisma#7790); Drizzle Kit asks, Atlas lints.
 * The diff reports each candidate as a probable rename with its evidence, and `migrate create`
 * asks (or refuses) before it writes the drop.
 *
 * Pure functions over the two schema models. Evidence, by kind:
 * - enums: the same values; fields that used the old enum use the new one;
 * - models: the same columns (name, type and attributes), the same relations, the same position;
 * - fields: the same type and attributes (required), and a near name, the same position among
 *   the fields that stayed, or the foreign key of the same relation;
 * - enum values: the same position among the values that stayed, a near name, or the only value
 *   removed and the only one added.
 * Candidates are assigned one to one, the best evidence first.
 */
import { distance } from 'fastest-levenshtein';
import type { Enum, EnumValue, Field, Model } from '../schema/model.js';
import { splitWords } from '../schema/naming.js';
import { databaseName } from '../schema/query.js';

export type Side = 'from' | 'to';

export interface RenameCandidate<T> {
  from: T;
  to: T;
  /** Why it is probably the same thing, in short phrases ("same 7 of 8 columns"). */
  evidence: string[];
}

/** What inference needs to know about the schemas, supplied by the diff. */
export interface InferenceContext {
  /** A type name as the new schema calls it (old model and enum names mapped through renames). */
  canonical(name: string, side: Side): string;
  isRelation(field: Field, side: Side): boolean;
  /** Type and attributes of a field, canonical, without its names (`@map`, relation names). */
  signature(field: Field, side: Side): string;
  /** The target of the relation whose foreign key holds this scalar field, and its index in the key. */
  foreignKey(model: Model, field: Field, side: Side): { target: string; index: number } | undefined;
}

// Words too common to say two names are related.
const TRIVIAL_WORDS = new Set(['id', 'at', 'is', 'has', 'by', 'of', 'to', 'the', 'a', 'on', 'in']);

/** Why two names are near (shared words, small edit distance), or undefined. */
export function nearNames(a: string, b: string): string | undefined {
  const wa = splitWords(a).map((w) => w.toLowerCase());
  const wb = new Set(splitWords(b).map((w) => w.toLowerCase()));
  const shared = [...new Set(wa.filter((w) => wb.has(w) && !TRIVIAL_WORDS.has(w)))];
  if (shared.length > 0) return `names share ${shared.map((w) => `"${w}"`).join(', ')}`;
  const d = distance(a.toLowerCase(), b.toLowerCase());
  if (d <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 3))) return `names ${d} edit${d === 1 ? '' : 's'} apart`;
  return undefined;
}

/** Prisma's enum rebuild (`X` to `X_old`, `X_new` to `X`) names no new thing: never a rename. */
export function isRebuildName(a: string, b: string): boolean {
  return a === `${b}_old` || a === `${b}_new` || b === `${a}_old` || b === `${a}_new`;
}

/**
 * Items removed and added in the same place: between the same two items that stayed, the k-th
 * removed and the k-th added. Only gaps where nothing removed is left without a counterpart.
 */
function samePlace<T>(
  fromList: readonly T[],
  toList: readonly T[],
  removed: ReadonlySet<T>,
  added: ReadonlySet<T>,
  keptKey: (item: T, side: Side) => string | undefined,
): Map<T, T> {
  const gaps = (list: readonly T[], side: Side, moved: ReadonlySet<T>) => {
    const out = new Map<string, T[]>();
    let gap = '^';
    for (const item of list) {
      if (moved.has(item)) {
        let members = out.get(gap);
        if (!members) out.set(gap, (members = []));
        members.push(item);
      } else gap = keptKey(item, side) ?? gap;
    }
    return out;
  };
  const before = gaps(fromList, 'from', removed);
  const after = gaps(toList, 'to', added);
  const pairs = new Map<T, T>();
  for (const [gap, olds] of before) {
    const news = after.get(gap);
    if (!news || news.length < olds.length) continue;
    olds.forEach((old, i) => pairs.set(old, news[i]));
  }
  return pairs;
}

interface Scored<T> extends RenameCandidate<T> {
  score: number;
}

/** One-to-one assignment, the best score first (ties: declaration order). */
function assign<T>(scored: Scored<T>[]): RenameCandidate<T>[] {
  const usedFrom = new Set<T>();
  const usedTo = new Set<T>();
  const out: RenameCandidate<T>[] = [];
  for (const s of [...scored].sort((x, y) => y.score - x.score)) {
    if (usedFrom.has(s.from) || usedTo.has(s.to)) continue;
    usedFrom.add(s.from);
    usedTo.add(s.to);
    out.push({ from: s.from, to: s.to, evidence: s.evidence });
  }
  return out;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; ratio: number } {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return { shared, ratio: union === 0 ? 0 : shared / union };
}

// ---- enums -------------------------------------------------------------------------------------

/** Removed and added enums that are probably one enum renamed. `models` pairs old and new models. */
export function inferEnumRenames(
  removed: readonly Enum[],
  added: readonly Enum[],
  fromModels: readonly Model[],
  toModels: readonly Model[],
): RenameCandidate<Enum>[] {
  const scored: Scored<Enum>[] = [];
  const toByName = new Map(toModels.map((m) => [m.name, m]));
  for (const a of removed) {
    const valuesA = new Set(a.values.map((v) => databaseName(v)));
    for (const b of added) {
      if (isRebuildName(a.name, b.name)) continue;
      const { shared, ratio } = jaccard(valuesA, new Set(b.values.map((v) => databaseName(v))));
      // Fields that held the old enum and hold the new one (same model and field name).
      const users: string[] = [];
      for (const m of fromModels) {
        const now = toByName.get(m.name);
        if (!now) continue;
        for (const f of m.fields)
          if (f.type.name === a.name && now.fields.find((g) => g.name === f.name)?.type.name === b.name) users.push(`${m.name}.${f.name}`);
      }
      const evidence: string[] = [];
      if (shared > 0) evidence.push(ratio === 1 ? `the same ${shared} value${shared === 1 ? '' : 's'}` : `${shared} of ${valuesA.size} values kept`);
      if (users.length > 0)
        evidence.push(`${users.slice(0, 3).join(', ')}${users.length > 3 ? ` and ${users.length - 3} more` : ''} now use${users.length === 1 ? 's' : ''} it`);
      const near = nearNames(a.name, b.name);
      if (near) evidence.push(near);
      const accept = (ratio >= 0.6 && shared >= 2) || (ratio === 1 && shared >= 1) || (users.length > 0 && ratio >= 0.3);
      if (accept) scored.push({ from: a, to: b, evidence, score: ratio * 2 + (users.length > 0 ? 1 : 0) + (near ? 0.5 : 0) });
    }
  }
  return assign(scored);
}

/** Values of a kept enum removed and added that are probably one value renamed. */
export function inferEnumValueRenames(a: Enum, b: Enum, removed: readonly EnumValue[], added: readonly EnumValue[]): RenameCandidate<EnumValue>[] {
  if (removed.length === 0 || added.length === 0) return [];
  const removedSet = new Set(removed);
  const addedSet = new Set(added);
  const place = samePlace(a.values, b.values, removedSet, addedSet, (v) => v.name);
  const scored: Scored<EnumValue>[] = [];
  removed.forEach((old, i) => {
    for (const now of added) {
      const evidence: string[] = [];
      let score = 0;
      if (place.get(old) === now) {
        evidence.push('in the same place among the values');
        score += 2;
      }
      const near = nearNames(old.name, now.name);
      if (near) {
        evidence.push(near);
        score += 1;
      }
      if (removed.length === 1 && added.length === 1) {
        evidence.push('the only value removed and the only one added');
        score += 1;
      }
      if (score > 0) scored.push({ from: old, to: now, evidence, score: score - i * 1e-6 });
    }
  });
  return assign(scored);
}

// ---- models ------------------------------------------------------------------------------------

/**
 * Removed and added models that are probably one model renamed, in rounds: a model renamed in
 * one round makes relations to it match in the next.
 */
export function inferModelRenames(
  removed: readonly Model[],
  added: readonly Model[],
  fromModels: readonly Model[],
  toModels: readonly Model[],
  ctx: InferenceContext,
  onRename: (from: Model, to: Model) => void,
): RenameCandidate<Model>[] {
  const out: RenameCandidate<Model>[] = [];
  const left = new Set(removed);
  const right = new Set(added);
  const position = samePlace(fromModels, toModels, left, right, (m) => m.name);
  for (let round = 0; round < 3 && left.size > 0 && right.size > 0; round++) {
    const scored: Scored<Model>[] = [];
    for (const a of left) {
      const colsA = columnSignatures(a, 'from', ctx);
      const relsA = relationSignatures(a, 'from', ctx);
      for (const b of right) {
        const cols = jaccard(colsA, columnSignatures(b, 'to', ctx));
        const rels = jaccard(relsA, relationSignatures(b, 'to', ctx));
        const near = nearNames(a.name, b.name);
        const inPlace = position.get(a) === b;
        // `id` and timestamps say nothing: every model has them.
        const telling = [...colsA].filter((c) => !/^(id|createdAt|created_at|updatedAt|updated_at):/.test(c)).length;
        const evidence = [`${cols.shared} of ${colsA.size} columns kept (name, type and attributes)`];
        if (rels.shared > 0) evidence.push(`${rels.shared} of ${relsA.size} relations kept`);
        if (inPlace) evidence.push('in the same place among the models');
        if (near) evidence.push(near);
        const strong = cols.ratio >= 0.6 && cols.shared >= 3 && telling >= 1;
        const supported = cols.ratio >= 0.4 && cols.shared >= 2 && (near !== undefined || inPlace || rels.ratio >= 0.5);
        if (strong || supported) scored.push({ from: a, to: b, evidence, score: cols.ratio * 2 + rels.ratio + (inPlace ? 0.5 : 0) + (near ? 0.5 : 0) });
      }
    }
    const found = assign(scored);
    if (found.length === 0) break;
    for (const c of found) {
      left.delete(c.from);
      right.delete(c.to);
      onRename(c.from, c.to);
      out.push(c);
    }
  }
  return out;
}

function columnSignatures(m: Model, side: Side, ctx: InferenceContext): Set<string> {
  return new Set(m.fields.filter((f) => !ctx.isRelation(f, side)).map((f) => `${databaseName(f)}:${ctx.signature(f, side)}`));
}

function relationSignatures(m: Model, side: Side, ctx: InferenceContext): Set<string> {
  return new Set(
    m.fields.filter((f) => ctx.isRelation(f, side)).map((f) => `${ctx.canonical(f.type.name, side)}${f.type.list ? '[]' : ''}${f.type.optional ? '?' : ''}`),
  );
}

// ---- fields ------------------------------------------------------------------------------------

/** Fields of a kept (or renamed) model removed and added that are probably one field renamed. */
export function inferFieldRenames(a: Model, b: Model, removed: readonly Field[], added: readonly Field[], ctx: InferenceContext): RenameCandidate<Field>[] {
  if (removed.length === 0 || added.length === 0) return [];
  const place = samePlace(a.fields, b.fields, new Set(removed), new Set(added), (f) => f.name);
  const scored: Scored<Field>[] = [];
  for (const old of removed) {
    const relOld = ctx.isRelation(old, 'from');
    for (const now of added) {
      if (relOld !== ctx.isRelation(now, 'to')) continue;
      if (ctx.signature(old, 'from') !== ctx.signature(now, 'to')) continue;
      const evidence = [relOld ? `same relation target ${now.type.name}${now.type.list ? '[]' : ''}` : `same type and attributes (${typeLabel(now)})`];
      let score = 0;
      const near = nearNames(old.name, now.name);
      if (near) {
        evidence.push(near);
        score += 2;
      }
      if (place.get(old) === now) {
        evidence.push('in the same place among the fields');
        score += 2;
      }
      if (relOld) {
        const sameTarget = (list: readonly Field[], side: Side, f: Field) =>
          list.filter((x) => ctx.isRelation(x, side) && ctx.signature(x, side) === ctx.signature(f, side)).length;
        if (sameTarget(removed, 'from', old) === 1 && sameTarget(added, 'to', now) === 1) {
          evidence.push(`the only relation to ${now.type.name} removed and added`);
          score += 2;
        }
      } else {
        const fkOld = ctx.foreignKey(a, old, 'from');
        const fkNow = ctx.foreignKey(b, now, 'to');
        // A foreign key to another model is another thing, whatever the name says.
        if ((fkOld === undefined) !== (fkNow === undefined)) continue;
        if (fkOld && fkNow) {
          if (fkOld.target !== fkNow.target || fkOld.index !== fkNow.index) continue;
          evidence.push(`holds the foreign key to ${fkNow.target}`);
          score += 3;
        }
      }
      if (score > 0) scored.push({ from: old, to: now, evidence, score });
    }
  }
  return assign(scored);
}

function typeLabel(f: Field): string {
  return `${f.type.unsupported !== undefined ? 'Unsupported' : f.type.name}${f.type.list ? '[]' : ''}${f.type.optional ? '?' : ''}`;
}
