import type { ChangeSeverity, SchemaChange } from '../codes.js';
import { CHANGE_SEVERITIES } from '../codes.js';

export function countBySeverity(changes: readonly SchemaChange[]): Record<ChangeSeverity, number> {
  const out: Record<ChangeSeverity, number> = { breaking: 0, dangerous: 0, safe: 0 };
  for (const c of changes) out[c.severity]++;
  return out;
}

/** "3 changes (1 breaking, 2 safe)" */
export function summaryText(changes: readonly SchemaChange[]): string {
  if (changes.length === 0) return 'no changes';
  const counts = countBySeverity(changes);
  const parts = CHANGE_SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return `${changes.length} change${changes.length === 1 ? '' : 's'} (${parts.join(', ')})`;
}

/** Changes most severe first, then in schema order. */
export function bySeverity(changes: readonly SchemaChange[]): SchemaChange[] {
  const rank: Record<ChangeSeverity, number> = { breaking: 0, dangerous: 1, safe: 2 };
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank[a.c.severity] - rank[b.c.severity] || a.i - b.i)
    .map((x) => x.c);
}

export function locationText(c: SchemaChange): string {
  return c.location ? `${c.location.file}:${c.location.line}:${c.location.column}` : '';
}
