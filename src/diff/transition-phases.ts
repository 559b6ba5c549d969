/**
 * The phase of each expand/contract transition `steward diff` reports (`field-transition`,
 * `field-transition-backfill`), per environment, from the migrations written in its history:
 * steward marks each phase's migration (transition-markers.ts), so no database is opened and no
 * history replayed. A phase is what the history holds, not what a database has applied
 * (`steward migrate status` says that). Pure: scripts in, changes out.
 */
import type { SchemaChange, TransitionPhaseState } from './codes.js';
import { markerMatches, transitionMarkers, type TransitionMarker } from './transition-markers.js';

/** One environment's migration history as its scripts, oldest first. */
export interface TransitionHistory {
  env: string;
  /** SQLite has no zero-downtime path: nothing at expand, one step at contract. */
  oneStep: boolean;
  scripts: ReadonlyArray<{ name: string; sql: string }>;
}

export function transitionPhaseIn(
  transition: { model: string; field: string; table: string; column: string },
  history: Pick<TransitionHistory, 'oneStep'> & { markers: readonly TransitionMarker[] },
): TransitionPhaseState {
  const marked = history.markers.filter((m) => markerMatches(m, transition));
  if (marked.some((m) => m.phase === 'contract')) return 'done';
  if (marked.some((m) => m.phase === 'expand') || history.oneStep) return 'contract pending';
  return 'expand pending';
}

/** The changes with each transition's phase per environment, in `transition.phases` and the message. */
export function withTransitionPhases(changes: readonly SchemaChange[], histories: readonly TransitionHistory[]): SchemaChange[] {
  if (histories.length === 0 || !changes.some((c) => c.transition)) return [...changes];
  const marked = histories.map((h) => ({ ...h, markers: h.scripts.flatMap((s) => transitionMarkers(s.sql)) }));
  return changes.map((c) => {
    if (!c.transition || !c.model || !c.field || !c.table) return c;
    const subject = { model: c.model, field: c.field, table: c.table, column: c.transition.column };
    const phases = marked.map((h) => ({ env: h.env, phase: transitionPhaseIn(subject, h) }));
    return { ...c, message: `${c.message}; ${phaseText(phases)}`, transition: { ...c.transition, phases } };
  });
}

/** `phase: contract pending` when every environment agrees, else each environment's. */
export function phaseText(phases: ReadonlyArray<{ env: string; phase: TransitionPhaseState }>): string {
  const distinct = new Set(phases.map((p) => p.phase));
  if (distinct.size === 1) return `phase: ${phases[0].phase}`;
  return `phases: ${phases.map((p) => `${p.env} ${p.phase}`).join(', ')}`;
}
