/**
 * The phase of each expand/contract transition `steward diff` reports (the `*-transition*` codes),
 * per environment, from the migrations written in its history: steward marks each phase's
 * migration (transition-markers.ts), so no database is opened and no history replayed. A phase is
 * what the history holds, not what a database has applied (`steward migrate status` says that).
 * Pure: scripts in, changes out.
 */
import type { SchemaChange, TransitionDescription, TransitionPhaseState } from './codes.js';
import { markerMatches, transitionMarkers, type MarkedTransition, type TransitionMarker } from './transition-markers.js';

/** One environment's migration history as its scripts, oldest first. */
export interface TransitionHistory {
  env: string;
  /** SQLite has no zero-downtime path: nothing at expand, one step at contract. */
  oneStep: boolean;
  scripts: ReadonlyArray<{ name: string; sql: string }>;
}

type Subject = Pick<MarkedTransition, 'kind' | 'model' | 'field' | 'table' | 'column'>;

/**
 * One transition's phase in one history. `expand`: whether it has an expand phase at all (a drop
 * of a nullable column goes straight to contract, so no expand marker is ever written for it).
 */
export function transitionPhaseIn(
  transition: Subject,
  history: Pick<TransitionHistory, 'oneStep'> & { markers: readonly TransitionMarker[] },
  expand = true,
): TransitionPhaseState {
  const marked = history.markers.filter((m) => markerMatches(m, transition));
  if (marked.some((m) => m.phase === 'contract')) return 'done';
  if (marked.some((m) => m.phase === 'expand') || history.oneStep || !expand) return 'contract pending';
  return 'expand pending';
}

const ORDER: readonly TransitionPhaseState[] = ['expand pending', 'contract pending', 'done'];

/** The markers' subjects of a described transition: a split's are its new columns (they reach each phase together). */
function subjectsOf(change: SchemaChange, transition: TransitionDescription): Subject[] {
  const model = change.model ?? '';
  const table = change.table ?? '';
  switch (transition.kind) {
    case 'dropTable':
      return [{ kind: 'dropTable', model, field: '', table, column: '' }];
    case 'drop':
      return [{ kind: 'drop', model, field: '', table, column: transition.column }];
    case 'split':
      return (transition.split ?? []).map((p) => ({ kind: 'column', model, field: p.field, table, column: p.column }));
    default:
      return [{ kind: 'column', model, field: change.field ?? '', table, column: transition.column }];
  }
}

/** The changes with each transition's phase per environment, in `transition.phases` and the message. */
export function withTransitionPhases(changes: readonly SchemaChange[], histories: readonly TransitionHistory[]): SchemaChange[] {
  if (histories.length === 0 || !changes.some((c) => c.transition)) return [...changes];
  const marked = histories.map((h) => ({ ...h, markers: h.scripts.flatMap((s) => transitionMarkers(s.sql)) }));
  return changes.map((c) => {
    if (!c.transition || !c.table) return c;
    const subjects = subjectsOf(c, c.transition);
    const expand = c.transition.expand;
    // The least advanced of the subjects (a split's columns are written together, so they agree).
    const phases = marked.map((h) => ({
      env: h.env,
      phase: ORDER[Math.min(...subjects.map((s) => ORDER.indexOf(transitionPhaseIn(s, h, expand))))],
    }));
    return { ...c, message: `${c.message}; ${phaseText(phases)}`, transition: { ...c.transition, phases } };
  });
}

/** `phase: contract pending` when every environment agrees, else each environment's. */
export function phaseText(phases: ReadonlyArray<{ env: string; phase: TransitionPhaseState }>): string {
  const distinct = new Set(phases.map((p) => p.phase));
  if (distinct.size === 1) return `phase: ${phases[0].phase}`;
  return `phases: ${phases.map((p) => `${p.env} ${p.phase}`).join(', ')}`;
}
