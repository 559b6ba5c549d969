/**
 * The line steward writes into each expand/contract migration (docs/migrations.md#expandcontract)
 * so that the history itself says which transition a migration belongs to and which phase it is:
 * `steward diff` and the changelog read the phase of each transition from it, `migrate deploy`
 * recognises a contract phase by it and runs the usage gate first. Pure: text in, markers out.
 *
 * The line is JSON after a fixed prefix (names and backfill expressions may hold any character);
 * migrations written before the line existed are still read by their readable comments
 * (`-- steward expand/contract, contract: User.displayName`, and the SQLite one-step header).
 */

export type MarkedPhase = 'expand' | 'contract';

/** What a marker records: enough to find the transition without the master's annotation. */
export interface TransitionMarker {
  phase: MarkedPhase;
  /** Model and field of the master (absent in an older SQLite header). */
  model?: string;
  field?: string;
  table?: string;
  /** The new column. */
  column?: string;
  /** The old column (a rename or a type change). */
  from?: string;
  /** The value existing rows get (a new required column). */
  backfill?: string;
}

/** What the marker line is written from: `Transition` (src/migrate/transitions) fits it. */
export interface MarkedTransition {
  model: string;
  field: string;
  table: string;
  column: string;
  from?: string;
  backfill?: string;
}

export const TRANSITION_MARKER_PREFIX = '-- steward-transition: ';

export function transitionMarkerLine(phase: MarkedPhase, transition: MarkedTransition): string {
  const { model, field, table, column, from, backfill } = transition;
  return TRANSITION_MARKER_PREFIX + JSON.stringify({ phase, model, field, table, column, ...(from !== undefined ? { from } : { backfill }) });
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
      legacy.push({ phase: phase[1] as MarkedPhase, model: phase[2], field: phase[3] });
      continue;
    }
    const sqlite = LEGACY_SQLITE.exec(line);
    if (sqlite) {
      for (const part of sqlite[1].split('; ')) {
        const rename = LEGACY_RENAME.exec(part);
        const added = LEGACY_NEW.exec(part);
        if (rename) legacy.push({ phase: 'contract', table: rename[1], from: rename[2], column: rename[3] });
        else if (added) legacy.push({ phase: 'contract', table: added[1], column: added[2], backfill: added[3] });
      }
    }
  }
  if (exact.length === 0) return legacy;
  // A script with JSON lines may still carry the readable comments: they add nothing.
  return exact;
}

/** Whether a marker is of the transition on `model.field` (stored in `table`.`column`). */
export function markerMatches(marker: TransitionMarker, transition: Pick<MarkedTransition, 'model' | 'field' | 'table' | 'column'>): boolean {
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
  const text_ = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : undefined);
  return {
    phase: v.phase,
    model: text_('model'),
    field: text_('field'),
    table: text_('table'),
    column: text_('column'),
    from: text_('from'),
    backfill: text_('backfill'),
  };
}
