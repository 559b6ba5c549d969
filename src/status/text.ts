import type { Style } from '../diagnostics/style.js';
import type { Availability, StatusReport } from './types.js';

/** `steward status` on one screen. */
export function renderStatusText(status: StatusReport, s: Style): string {
  const lines: string[] = [];
  const na = (a: Availability<unknown>) => (a.available ? '' : s.dim(`not available (${a.reason})`));
  lines.push(`${s.bold('steward status')}  ${s.dim(status.master)}, ${status.models} models  ${s.dim(status.generatedAt)}`);
  lines.push('');
  lines.push(s.bold('Environments'));
  for (const e of status.environments) {
    const bad = e.files.filter((f) => f.state !== 'fresh');
    const state = bad.length === 0 ? s.green('fresh') : s.red(bad.map((f) => `${f.path}: ${f.state}`).join(', '));
    lines.push(`  ${e.name.padEnd(14)} ${e.provider.padEnd(12)} ${state}`);
  }
  lines.push(
    '',
    `${s.bold('Docs')}          ${status.docs.available ? (status.docs.value.sections === 0 ? s.dim('no steward sections') : `${status.docs.value.sections} sections in ${status.docs.value.files} files, ${status.docs.value.stale === 0 ? s.green('all current') : s.red(`${status.docs.value.stale} stale`)}`) : na(status.docs)}`,
  );
  lines.push(
    `${s.bold('Lint')}          ${status.lint.available ? `${count(status.lint.value.error, 'error', s.red)}, ${count(status.lint.value.warning, 'warning', s.yellow)}, ${status.lint.value.info} info` : na(status.lint)}`,
  );
  if (status.audit.available) {
    lines.push(`${s.bold('Audit')}         ${count(status.audit.value.total, 'mismatch', s.yellow, 'mismatches')}`);
    for (const [model, n] of Object.entries(status.audit.value.byModel).sort((a, b) => b[1] - a[1])) lines.push(`  ${model.padEnd(28)} ${n}`);
  } else lines.push(`${s.bold('Audit')}         ${na(status.audit)}`);
  if (status.migrations.available) {
    lines.push(s.bold('Migrations'));
    for (const m of status.migrations.value) {
      const pending =
        m.state !== 'checked'
          ? s.dim(`${m.state === 'unreachable' ? 'database unreachable' : 'no database configured'}`)
          : m.pending === 0
            ? s.green('none pending')
            : s.yellow(`${m.pending} pending`);
      lines.push(`  ${m.env.padEnd(14)} ${m.local} migration${m.local === 1 ? '' : 's'}, ${pending}`);
    }
  } else lines.push(`${s.bold('Migrations')}    ${na(status.migrations)}`);
  if (status.release.available) {
    const r = status.release.value;
    const sev = r.unreleased > 0 ? s.dim(` (${r.bySeverity.breaking} breaking, ${r.bySeverity.dangerous} dangerous, ${r.bySeverity.safe} safe)`) : '';
    lines.push(
      `${s.bold('Release')}       ${r.lastTag ? `last ${r.lastTag}` : 'no release tag yet'}, ${r.unreleased === 0 ? s.green('no unreleased changes') : s.yellow(`${r.unreleased} unreleased change${r.unreleased === 1 ? '' : 's'}`)}${sev}`,
    );
  } else lines.push(`${s.bold('Release')}       ${na(status.release)}`);
  if (status.drift.available) {
    lines.push(s.bold('Drift'));
    for (const d of status.drift.value)
      lines.push(
        `  ${d.env.padEnd(14)} ${d.state === 'in-sync' ? s.green(d.state) : d.state === 'drifted' ? s.red(`drifted (${d.differences ?? '?'})`) : s.dim(d.state)}`,
      );
  } else lines.push(`${s.bold('Drift')}         ${na(status.drift)}`);
  if (status.fleets) {
    lines.push(s.bold('Fleets'));
    for (const fleet of status.fleets) {
      if (!fleet.available) {
        lines.push(`  ${na(fleet)}`);
        continue;
      }
      const { env, file, skew, notRead } = fleet.value;
      const behind = skew.behindPending.join(', ');
      const figures = [
        `${skew.databases} database${skew.databases === 1 ? '' : 's'} (${file})`,
        skew.databases > 0 && skew.atLatest === skew.databases ? s.green(`all at latest`) : `${skew.atLatest} at latest`,
        skew.behind > 0 ? s.yellow(`${skew.behind} behind (${behind} pending)`) : '',
        skew.failed > 0 ? s.red(`${skew.failed} failed`) : '',
        notRead.length > 0 ? s.red(`${notRead.length} unreachable`) : '',
      ].filter(Boolean);
      lines.push(`  ${env.padEnd(14)} ${figures.join(', ')}`);
      lines.push(
        s.dim(
          `  ${''.padEnd(14)} latest ${skew.latest ?? 'none'}; ${skew.versions.map((v) => `${v.databases} at ${v.migration ?? 'no migration'}`).join(', ') || 'none read'}`,
        ),
      );
      for (const database of notRead) lines.push(s.dim(`  ${''.padEnd(14)} ${database.database}: ${database.state}`));
    }
  }
  return lines.join('\n') + '\n';
}

function count(n: number, word: string, color: (t: string) => string, plural = `${word}s`): string {
  const text = `${n} ${n === 1 ? word : plural}`;
  return n === 0 ? text : color(text);
}
