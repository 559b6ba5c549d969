import type { Style } from '../../diagnostics/style.js';
import type { ProjectDiff } from '../project.js';
import { bySeverity, locationText, summaryText } from './summary.js';

/** Terminal output: one block per change, most severe first. */
export function renderDiffText(diff: Pick<ProjectDiff, 'from' | 'to' | 'changes'>, style: Style): string {
  const out: string[] = [];
  out.push(`${style.bold('steward diff')} ${diff.from.label} -> ${diff.to.label}: ${summaryText(diff.changes)}`);
  if (diff.from.note) out.push(style.dim(`  (${diff.from.note})`));
  if (diff.to.note) out.push(style.dim(`  (${diff.to.note})`));
  for (const c of bySeverity(diff.changes)) {
    const sev = c.severity === 'breaking' ? style.red('breaking ') : c.severity === 'dangerous' ? style.yellow('dangerous') : style.green('safe     ');
    out.push('');
    out.push(`${sev} ${c.message} ${style.dim(`[${c.code}]`)}`);
    if (c.location) out.push(`          ${style.dim(locationText(c))}`);
    out.push(`          ${style.dim(c.reason)}`);
    for (const e of c.envs) out.push(`          ${style.blue(e.env)}: ${e.effect}`);
    for (const u of c.usages) out.push(`          ${style.red('used at')} ${u.file}:${u.line}:${u.column}${u.text ? style.dim(`  ${u.text.trim()}`) : ''}`);
  }
  return out.join('\n') + '\n';
}
