/**
 * The line steward writes into each expand/contract migration (docs/migrations.md#expandcontract)
 * so that the history itself says which transition a migration belongs to and which phase it is:
 * `steward diff` and the changelog read the phase of each transition from it, `migrate deploy`
 * recognises a contract phase by it and runs the usage gate first. Pure: text in, markers out.
 *
 * One line per transition a phase carries: a new column (a rename, a type change, a computed or
 * new required column, each field of a split), a retired column (a drop, a split's old column) or
 * a retired table. The line is JSON after a fixed prefix (names and backfill expressions may hold
 * any character); migrations written before the line existed are still read by their readable
 * comments (`-- steward expand/contract, contract: User.displayName`, and the SQLite one-step
 * header), which only knew new columns.
 */

export type MarkedPhase = 'expand' | 'contract';

/** What a transition changes (`Transition['kind']` of src/migrate/transitions). */
export type MarkedKind = 'column' | 'drop' | 'dropTable';
const MARKED_KINDS: readonly MarkedKind[] = ['column', 'drop', 'dropTable'];

/** What a marker records: enough to find the transition without the master's annotation. */
export interface TransitionMarker {
  phase: MarkedPhase;
  /** `column` when the line has none (written before drops existed). */
  kind: MarkedKind;
  /** Model of the master (absent in an older SQLite header); for a retired table, the model it likely had. */
  model?: string;
  /** The new field (absent for a retired column or table). */
  field?: string;
  table?: string;
  /** The new column; for a drop, the retired one; absent for a retired table. */
  column?: string;
  /** The old column (a rename, a type change, a split). */
  from?: string;
  /** The value existing rows get (a new or computed column), or a dropped column gets from new code's rows. */
  backfill?: string;
}

/** What the marker line is written from: the names of a transition (`Transition` of src/migrate/transitions extends it). */
export interface MarkedTransition {
  /** `column`: a new column beside an old one or filled by `backfill`; `drop`: an old column retired; `dropTable`: a table retired. */
  kind: MarkedKind;
  /** For a retired table, the model it most likely had (`audit_log`: `AuditLog`). */
  model: string;
  /** The new field (`''` for a drop or a retired table: the master has none). */
  field: string;
  table: string;
  /** The new column; for a drop, the retired one; `''` for a retired table. */
  column: string;
  /** The old column the new one replaces (a rename, a type change, a split). */
  from?: string;
  /**
   * An SQL expression over the row giving the column's value where a row lacks it: existing rows of
   * a new column, the new column computed from the old one (with `from`), or, for a drop, the old
   * column's value for rows new code writes without it.
   */
  backfill?: string;
}

export const TRANSITION_MARKER_PREFIX = '-- steward-transition: ';

export function transitionMarkerLine(phase: MarkedPhase, transition: MarkedTransition): string {
  const { kind, model, field, table, column, from, backfill } = transition;
  return (
    TRANSITION_MARKER_PREFIX +
    JSON.stringify({
      phase,
      kind,
      model,
      ...(field !== '' ? { field } : {}),
      table,
      ...(column !== '' ? { column } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(backfill !== undefined ? { backfill } : {}),
    })
  );
}

const LEGACY_PHASE = /^--\s*steward expand\/contract, (expand|contract): ([\w$]+)\.([\w$]+)\b/;
const LEGACY_SQLITE = /^--\s*steward expand\/contract on SQLite: one step[^:]*: (.*)$/;
const LEGACY_RENAME = /^"([^"]+)"\."([^"]+)" -> "([^"]+)"$/;
const LEGACY_NEW = /^new required column "([^"]+)"\."([^"]+)" \(backfill (.*)\)$/;

/** Every transition a migration script marks, in order, one per transition (the JSON line wins over the readable comments). */
export function transitionMarkers(sql: string): TransitionMarker[] {
  if (!sql.includes('steward')) return [];
  const exact: TransitionMarker[] = [];
  const legacy: TransitionMarker[] = [];
  for (const raw of sql.split('\n')) {
    const line = raw.trim();
    if (line.startsWith(TRANSITION_MARKER_PREFIX)) {
      const marker = parseMarkerJson(line.slice(TRANSITION_MARKER_PREFIX.length));
      if (marker) exact.push(marker);
      continue;
    }
    const phase = LEGACY_PHASE.exec(line);
    if (phase) {
      legacy.push({ phase: phase[1] as MarkedPhase, kind: 'column', model: phase[2], field: phase[3] });
      continue;
    }
    const sqlite = LEGACY_SQLITE.exec(line);
    if (sqlite) {
      for (const part of sqlite[1].split('; ')) {
        const rename = LEGACY_RENAME.exec(part);
        const added = LEGACY_NEW.exec(part);
        if (rename) legacy.push({ phase: 'contract', kind: 'column', table: rename[1], from: rename[2], column: rename[3] });
        else if (added) legacy.push({ phase: 'contract', kind: 'column', table: added[1], column: added[2], backfill: added[3] });
      }
    }
  }
  if (exact.length === 0) return legacy;
  // A script with JSON lines may still carry the readable comments: they add nothing.
  return exact;
}

/**
 * Whether a marker is of the transition: a new column by `model.field` (or `table`.`column` for an
 * older SQLite header), a retired column by `table`.`column`, a retired table by `table`.
 */
export function markerMatches(marker: TransitionMarker, transition: Pick<MarkedTransition, 'kind' | 'model' | 'field' | 'table' | 'column'>): boolean {
  if (marker.kind !== transition.kind) return false;
  if (transition.kind === 'dropTable') return marker.table === transition.table;
  if (transition.kind === 'drop') return marker.table === transition.table && marker.column === transition.column;
  if (marker.model !== undefined && marker.field !== undefined) return marker.model === transition.model && marker.field === transition.field;
  return marker.table === transition.table && marker.column === transition.column;
}

function parseMarkerJson(text: string): TransitionMarker | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.phase !== 'expand' && v.phase !== 'contract') return undefined;
  // A kind this version does not know is no marker (rather than misread as a new column).
  const kind = v.kind === undefined ? 'column' : MARKED_KINDS.find((k) => k === v.kind);
  if (kind === undefined) return undefined;
  const marker: TransitionMarker = { phase: v.phase, kind };
  // Only the names the line has (a field absent from a drop's, a column from a retired table's).
  for (const key of ['model', 'field', 'table', 'column', 'from', 'backfill'] as const) if (typeof v[key] === 'string') marker[key] = v[key];
  return marker;
}
