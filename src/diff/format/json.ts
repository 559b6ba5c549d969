import type { SchemaChange } from '../codes.js';
import type { ProjectDiff } from '../project.js';
import { bumpFor } from '../version.js';
import { countBySeverity } from './summary.js';

/** One change as JSON: the documented keys first, every key always present. */
export function changeToJson(c: SchemaChange): Record<string, unknown> {
  return {
    code: c.code,
    severity: c.severity,
    reason: c.reason,
    message: c.message,
    model: c.model ?? null,
    field: c.field ?? null,
    envs: c.envs,
    usages: c.usages,
    table: c.table ?? null,
    column: c.column ?? null,
    before: c.before ?? null,
    after: c.after ?? null,
    location: c.location ? { ...c.location, side: c.locationSide ?? 'to' } : null,
    transition: c.transition ?? null,
  };
}

/** `{ "from", "to", "changes": [...], "summary", "bump" }` */
/** The diff as data, for `--format json` (the envelope's `data`). */
export function diffJson(diff: Pick<ProjectDiff, 'from' | 'to' | 'changes' | 'migrations'>) {
  return {
    from: { label: diff.from.label, ref: diff.from.ref ?? null, commit: diff.from.commit ?? null },
    to: { label: diff.to.label, ref: diff.to.ref ?? null, commit: diff.to.commit ?? null },
    changes: diff.changes.map(changeToJson),
    summary: countBySeverity(diff.changes),
    bump: bumpFor(diff.changes) ?? null,
    migrations: diff.migrations.map((m) => ({ env: m.env, name: m.name })),
  };
}

export function renderDiffJson(diff: Pick<ProjectDiff, 'from' | 'to' | 'changes' | 'migrations'>): string {
  return JSON.stringify(diffJson(diff), null, 2) + '\n';
}
