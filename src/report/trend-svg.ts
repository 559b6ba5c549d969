import { escapeXml } from '../diagram/svg.js';
import type { HistoryEntry } from '../status/types.js';

/** The series a trend chart draws, from history entries. Absent figures leave gaps. */
export const TREND_SERIES: { key: keyof HistoryEntry; label: string; color: string }[] = [
  { key: 'staleFiles', label: 'stale environment files', color: '#c0392b' },
  { key: 'staleDocs', label: 'stale doc sections', color: '#8e44ad' },
  { key: 'lintErrors', label: 'lint errors', color: '#d35400' },
  { key: 'lintWarnings', label: 'lint warnings', color: '#f1c40f' },
  { key: 'auditMismatches', label: 'audit mismatches', color: '#2980b9' },
  { key: 'pendingMigrations', label: 'pending migrations', color: '#16a085' },
  { key: 'unreleasedChanges', label: 'unreleased changes', color: '#7f8c8d' },
  { key: 'driftedEnvironments', label: 'drifted environments', color: '#2c3e50' },
];

const W = 720;
const H = 260;
const L = 44;
const R = 16;
const T = 16;
const B = 40;

/** A line chart of the recorded figures over time. Pure; inline SVG, no script. */
export function renderTrendSvg(entries: readonly HistoryEntry[]): string {
  const series = TREND_SERIES.filter((s) => entries.some((e) => typeof e[s.key] === 'number'));
  if (entries.length === 0 || series.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" width="${W}" height="60" role="img" aria-label="No history recorded"><text x="10" y="34" font-family="sans-serif" font-size="13">No history yet: run \`steward status --record\` (for example in CI on every push to main).</text></svg>`;
  }
  const times = entries.map((e) => Date.parse(e.time));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const max = Math.max(1, ...series.flatMap((s) => entries.map((e) => (typeof e[s.key] === 'number' ? (e[s.key] as number) : 0))));
  const x = (t: number) => (t1 === t0 ? L + (W - L - R) / 2 : L + ((t - t0) / (t1 - t0)) * (W - L - R));
  const y = (v: number) => T + (1 - v / max) * (H - T - B);
  const legendRows = Math.ceil(series.length / 3);
  const height = H + legendRows * 18;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" role="img" aria-label="Trend of ${entries.length} recorded status${entries.length === 1 ? '' : 'es'}">`,
  );
  out.push('<g font-family="sans-serif" font-size="11" fill="#445">');
  for (const tick of ticks(max)) {
    out.push(
      `<line x1="${L}" x2="${W - R}" y1="${r(y(tick))}" y2="${r(y(tick))}" stroke="#e3e6ea"/><text x="${L - 6}" y="${r(y(tick)) + 4}" text-anchor="end">${tick}</text>`,
    );
  }
  out.push(`<text x="${L}" y="${H - B + 16}">${escapeXml(day(t0))}</text>`);
  if (t1 !== t0) out.push(`<text x="${W - R}" y="${H - B + 16}" text-anchor="end">${escapeXml(day(t1))}</text>`);
  for (const s of series) {
    const points = entries.map((e, i) => (typeof e[s.key] === 'number' ? `${r(x(times[i]))},${r(y(e[s.key] as number))}` : undefined));
    const runs: string[][] = [[]];
    for (const p of points) {
      if (p === undefined) runs.push([]);
      else runs[runs.length - 1].push(p);
    }
    for (const run of runs.filter((g) => g.length > 0)) {
      if (run.length > 1)
        out.push(`<polyline class="trend-line" data-series="${s.key}" fill="none" stroke="${s.color}" stroke-width="2" points="${run.join(' ')}"/>`);
      for (const p of run) {
        const [px, py] = p.split(',');
        out.push(`<circle cx="${px}" cy="${py}" r="2.5" fill="${s.color}"/>`);
      }
    }
  }
  series.forEach((s, i) => {
    const lx = L + (i % 3) * 220;
    const ly = H + Math.floor(i / 3) * 18;
    out.push(`<rect x="${lx}" y="${ly - 9}" width="12" height="4" fill="${s.color}"/><text x="${lx + 18}" y="${ly - 3}">${escapeXml(s.label)}</text>`);
  });
  out.push('</g></svg>');
  return out.join('\n');
}

function ticks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4));
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

function day(t: number): string {
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}
