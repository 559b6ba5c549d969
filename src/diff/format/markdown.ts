import type { ChangeSeverity, SchemaChange } from '../codes.js';
import { CHANGE_SEVERITIES } from '../codes.js';
import type { ProjectDiff } from '../project.js';
import { summaryText } from './summary.js';

const HEADINGS: Record<ChangeSeverity, string> = { breaking: 'Breaking', dangerous: 'Dangerous', safe: 'Safe' };

/** A review summary for a pull request: changes grouped by severity, environment effects, call sites. */
export function renderDiffMarkdown(diff: Pick<ProjectDiff, 'from' | 'to' | 'changes'>): string {
  const out: string[] = [`## Schema changes: ${diff.from.label} → ${diff.to.label}`, '', `${capitalize(summaryText(diff.changes))}.`];
  for (const severity of CHANGE_SEVERITIES) {
    const group = diff.changes.filter((c) => c.severity === severity);
    if (group.length === 0) continue;
    out.push('', `### ${HEADINGS[severity]} (${group.length})`, '');
    for (const c of group) out.push(...changeLines(c));
  }
  return out.join('\n') + '\n';
}

export function changeLines(c: SchemaChange): string[] {
  const where = c.location ? ` (${c.location.file}:${c.location.line})` : '';
  const lines = [`- ${escapeMd(c.message)} \`${c.code}\`${where}`, `  - ${escapeMd(c.reason)}`];
  for (const e of c.envs) lines.push(`  - **${e.env}**: ${escapeMd(e.effect)}`);
  if (c.usages.length) lines.push(`  - used at ${c.usages.map((u) => `\`${u.file}:${u.line}\``).join(', ')}`);
  return lines;
}

export function escapeMd(s: string): string {
  return s.replace(/([*_`<>])/g, '\\$1');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
