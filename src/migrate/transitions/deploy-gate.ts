/**
 * The usage gate at `steward migrate deploy`: a pending contract phase (a migration steward marked
 * `-- steward-transition: {"phase":"contract",...}`, src/diff/transition-markers.ts) drops old
 * columns (a rename's, a type change's, a split's, a dropped one) or a retired table, so before a
 * database applies it, steward looks for that old shape in the project's code, docs and seeds
 * (usage-gate.ts, the same search `migrate create --expand-contract` runs).
 * While any remain the database is refused: nothing is applied to it, not even the migrations
 * before the contract, so a deploy never stops half-way through a transition's history; `force`
 * applies anyway and the places are reported as overridden.
 *
 * The search runs once, and only when a database has a contract pending: an old contract that
 * every database applied long ago costs a parse of the master (read up front, so a bad master is
 * a coded error before any database is opened).
 */
import path from 'node:path';
import type { ResolvedConfig } from '../../config/types.js';
import { markerMatches, transitionMarkers, type TransitionMarker } from '../../diff/transition-markers.js';
import { MIGRATION_SCRIPT_FILE } from '../../engine/migrations-list.js';
import { loadMaster } from '../../project/master.js';
import type { Schema } from '../../schema/model.js';
import { mappedName } from '../../schema/query.js';
import { tableNameOf } from '../renames.js';
import { describeTransition, masterTransitions, pascalCase, type Transition } from './transitions.js';
import { oldShapeUsages, type OldShapeUsage } from './usage-gate.js';

/** A place that still uses an old column, with the contract migration and transition it blocks. */
export interface GatedUsage extends OldShapeUsage {
  migration: string;
  transition: string;
}

export interface DeployGate {
  /**
   * For a database's pending migrations: why it is refused, or undefined. Searches the project on
   * first need; with `force`, never refuses but records the places (`overridden`).
   */
  check(pending: readonly string[]): Promise<string | undefined>;
  /** The places found, once a database needed the search (empty until then). */
  usages(): readonly GatedUsage[];
  /** Whether `force` let a database apply a contract despite `usages()`. */
  overridden(): boolean;
}

export interface DeployGateOptions {
  force?: boolean;
  /** The master, when the caller has it (else read from the configuration, when the history has a contract). */
  master?: Schema;
}

/** The gate for one environment's history (`scripts`: its migrations, oldest first). */
export function deployGate(
  config: ResolvedConfig,
  migrationsDir: string,
  scripts: ReadonlyArray<{ name: string; script: string }>,
  options: DeployGateOptions = {},
): DeployGate {
  const markers = new Map<string, TransitionMarker[]>();
  for (const s of scripts) {
    // Older contracts name only Model.field: their old column comes from the master's annotation.
    const contract = transitionMarkers(s.script).filter(
      (m) => m.phase === 'contract' && (m.kind !== 'column' || m.from !== undefined || m.model !== undefined),
    );
    if (contract.length > 0) markers.set(s.name, contract);
  }
  // The master is read now (when a contract exists): a bad master is a coded error before any database is opened.
  const master = markers.size === 0 ? undefined : (options.master ?? loadMaster(config, { validate: false }).schema);
  const contracts = new Map<string, Transition[]>();
  if (master) {
    const annotated = masterTransitions(master);
    for (const [name, list] of markers) {
      const file = path.relative(config.cwd, path.join(migrationsDir, name, MIGRATION_SCRIPT_FILE));
      contracts.set(
        name,
        list.map((m) => markedTransition(m, master, annotated, file)),
      );
    }
  }
  const searched = new Map<string, Promise<GatedUsage[]>>();
  const found: GatedUsage[] = [];
  let overridden = false;
  const usagesOf = (migration: string): Promise<GatedUsage[]> => {
    let promise = searched.get(migration);
    if (!promise) {
      promise = Promise.resolve().then(() => {
        // Each old shape once: a split's fields share their old column, and its retirement names it again.
        const seen = new Set<string>();
        const list = (contracts.get(migration) ?? []).filter((t) => {
          const old = oldShape(t);
          if (old === undefined || seen.has(old)) return false;
          seen.add(old);
          return true;
        });
        const usages = list.flatMap((t) => oldShapeUsages(config, master!, t).map((u) => ({ ...u, migration, transition: describeTransition(t) })));
        found.push(...usages);
        return usages;
      });
      searched.set(migration, promise);
    }
    return promise;
  };
  return {
    async check(pending) {
      const due = pending.filter((name) => markers.has(name));
      if (due.length === 0) return undefined;
      const usages = (await Promise.all(due.map(usagesOf))).flat();
      if (usages.length === 0) return undefined;
      if (options.force) {
        overridden = true;
        return undefined;
      }
      const places = [...new Set(usages.map((u) => `${u.file}:${u.line}`))];
      return `${due.join(', ')} ${due.length === 1 ? 'is a contract phase' : 'are contract phases'} dropping old columns or tables still used in ${places.length} place${places.length === 1 ? '' : 's'} (${places.slice(0, 3).join(', ')}${places.length > 3 ? ` and ${places.length - 3} more` : ''}); nothing applied (--force applies it anyway)`;
    },
    usages: () => found,
    overridden: () => overridden,
  };
}

/** The old column or table a transition drops at contract (`table.column`, or the table), if any. */
function oldShape(t: Transition): string | undefined {
  if (t.kind === 'dropTable') return t.table;
  const old = t.kind === 'drop' ? t.column : t.from;
  return old === undefined ? undefined : `${t.table}.${old}`;
}

/** The transition a contract marker names: the master's annotation when it is still there, else the marker's own record. */
function markedTransition(marker: TransitionMarker, master: Schema, annotated: readonly Transition[], file: string): Transition {
  const location = { file, line: 1, column: 1 };
  const fromMaster = annotated.find((t) => markerMatches(marker, t));
  if (fromMaster) return fromMaster;
  // The annotation may be gone once contract is written ("the transition is complete"): the marker knows the columns.
  if (marker.kind === 'dropTable') {
    const table = marker.table ?? '';
    return { kind: 'dropTable', model: marker.model ?? pascalCase(table), field: '', table, column: '', required: false, location };
  }
  const model = marker.model !== undefined ? master.models.find((m) => m.name === marker.model) : master.models.find((m) => tableNameOf(m) === marker.table);
  if (marker.kind === 'drop')
    return {
      kind: 'drop',
      model: model?.name ?? marker.model ?? '',
      field: '',
      table: marker.table ?? (model ? tableNameOf(model) : ''),
      column: marker.column ?? '',
      backfill: marker.backfill,
      required: false,
      location,
    };
  const field =
    marker.field !== undefined ? model?.fields.find((f) => f.name === marker.field) : model?.fields.find((f) => (mappedName(f) ?? f.name) === marker.column);
  return {
    kind: 'column',
    model: model?.name ?? marker.model ?? '',
    field: field?.name ?? marker.field ?? '',
    table: marker.table ?? (model ? tableNameOf(model) : ''),
    column: marker.column ?? (field ? (mappedName(field) ?? field.name) : ''),
    from: marker.from,
    backfill: marker.backfill,
    required: true,
    location,
  };
}
