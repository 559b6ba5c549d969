import { escapeXml as esc } from '../diagram/svg.js';
import { SEVERITY_ORDER } from '../diagnostics/diagnostic.js';
import type { Availability } from '../status/types.js';
import type { ReportData } from './data.js';
import { markdownToHtml } from './markdown-lite.js';
import { renderTrendSvg } from './trend-svg.js';

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, no request at
 * view time. Pure.
 */
export function renderReportHtml(data: ReportData): string {
  const s = data.status;
  const parts: string[] = [];
  parts.push('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  parts.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  parts.push(`<title>${esc(data.title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  parts.push(`<header><h1>${esc(data.title)}</h1><p class="meta">${esc(s.master)} · ${s.models} models · generated ${esc(s.generatedAt)}</p>`);
  parts.push('<nav><a href="#summary">Summary</a><a href="#diagram">Diagram</a><a href="#findings">Findings</a><a href="#changelog">Changelog</a><a href="#trend">Trend</a></nav></header>');
  parts.push('<main>');
  parts.push(summary(data));
  parts.push(`<section id="diagram"><h2>Entity-relationship diagram</h2><p class="meta">${data.models} models, ${data.relationships} relationships. Cardinality at each end: 1, 0..1, *.</p><div class="diagram">${data.diagramSvg}</div></section>`);
  parts.push(findings(data));
  parts.push(changelog(data));
  parts.push(`<section id="trend"><h2>Trend</h2><p class="meta">${data.history.length} recorded status${data.history.length === 1 ? '' : 'es'} from .steward/history.jsonl</p>${renderTrendSvg(data.history)}</section>`);
  parts.push('</main>', '</body>', '</html>');
  return parts.join('\n') + '\n';
}

function summary(data: ReportData): string {
  const s = data.status;
  const rows: [string, string, string][] = [];
  for (const e of s.environments) {
    const bad = e.files.filter((f) => f.state !== 'fresh');
    rows.push([`Environment ${e.name} (${e.provider})`, bad.length === 0 ? 'fresh' : bad.map((f) => `${f.path}: ${f.state}`).join(', '), bad.length === 0 ? 'ok' : 'bad']);
  }
  const add = <T>(label: string, a: Availability<T>, text: (v: T) => string, ok: (v: T) => boolean) => rows.push(a.available ? [label, text(a.value), ok(a.value) ? 'ok' : 'bad'] : [label, `not available: ${a.reason}`, 'na']);
  add('Docs sections', s.docs, (v) => (v.sections === 0 ? 'none' : `${v.sections} (${v.stale} stale)`), (v) => v.stale === 0);
  add('Lint', s.lint, (v) => `${v.error} errors, ${v.warning} warnings, ${v.info} info`, (v) => v.error === 0);
  add('Audit', s.audit, (v) => `${v.total} mismatches${Object.keys(v.byModel).length ? `: ${Object.entries(v.byModel).map(([m, n]) => `${m} ${n}`).join(', ')}` : ''}`, (v) => v.total === 0);
  add('Migrations pending', s.migrations, (v) => v.map((m) => `${m.env}: ${m.state === 'checked' ? m.pending : `${m.local} local, ${m.state}`}`).join(', ') || 'none', (v) => v.every((m) => !m.pending));
  add('Release', s.release, (v) => `${v.lastTag ? `last ${v.lastTag}` : 'no release tag yet'}, ${v.unreleased} unreleased (${v.bySeverity.breaking} breaking, ${v.bySeverity.dangerous} dangerous, ${v.bySeverity.safe} safe)`, (v) => v.bySeverity.breaking === 0);
  add('Drift', s.drift, (v) => v.map((d) => `${d.env}: ${d.state}`).join(', '), (v) => v.every((d) => d.state !== 'drifted'));
  return `<section id="summary"><h2>Summary</h2><table class="summary"><tbody>${rows.map(([k, v, c]) => `<tr class="${c}"><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table></section>`;
}

function findings(data: ReportData): string {
  const out = ['<section id="findings"><h2>Findings</h2>'];
  for (const g of data.findings) {
    if (!g.available) {
      out.push(`<h3>${esc(g.title)}</h3><p class="na">Not available: ${esc(g.reason)}</p>`);
      continue;
    }
    const sorted = [...g.diagnostics].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
    out.push(`<h3>${esc(g.title)} <span class="count">${g.diagnostics.length}</span></h3>`);
    if (sorted.length === 0) {
      out.push('<p class="ok">No findings.</p>');
      continue;
    }
    out.push(`<table class="findings" data-source="${esc(g.source)}"><thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>Message</th></tr></thead><tbody>`);
    for (const d of sorted) {
      const where = d.location ? `<a href="${esc(data.link(d.location.file, d.location.line))}">${esc(`${d.location.file}:${d.location.line}`)}</a>` : '';
      const scope = [d.env ? `[${d.env}]` : '', d.model ? `${d.model}${d.field ? `.${d.field}` : ''}` : ''].filter(Boolean).join(' ');
      const notes = d.notes?.length ? `<div class="notes">${d.notes.map(esc).join('<br>')}</div>` : '';
      out.push(`<tr class="sev-${d.severity}"><td>${d.severity}</td><td><code>${esc(d.code)}</code></td><td>${where}</td><td>${scope ? `<span class="scope">${esc(scope)}</span> ` : ''}${esc(d.message)}${notes}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function changelog(data: ReportData): string {
  const c = data.changelog;
  if (!c.available) return `<section id="changelog"><h2>Changelog</h2><p class="na">Not available: ${esc(c.reason)}</p></section>`;
  const body = c.sections.length === 0 ? '<p>No entries yet.</p>' : c.sections.map((s) => `<article><h3>${esc(s.heading)}</h3>${markdownToHtml(s.markdown)}</article>`).join('\n');
  return `<section id="changelog"><h2>Changelog</h2><p class="meta">${esc(c.source)}</p>${body}</section>`;
}

const CSS = `
:root{--fg:#1d2733;--muted:#5b6b7d;--line:#dde2e8;--bad:#c0392b;--ok:#1e8449;--warn:#b9770e}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#f6f8fa}
header{background:#fff;border-bottom:1px solid var(--line);padding:16px 24px}h1{margin:0;font-size:22px}
nav a{margin-right:16px;color:#2a5db0;text-decoration:none}main{padding:8px 24px 48px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 18px;margin:16px 0}
h2{font-size:18px;margin:4px 0 8px}h3{font-size:15px;margin:14px 0 6px}.meta{color:var(--muted);margin:2px 0 8px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
table.summary th{width:240px;font-weight:600}tr.ok td{color:var(--ok)}tr.bad td{color:var(--bad)}tr.na td,.na{color:var(--muted);font-style:italic}
.ok{color:var(--ok)}.count{background:#eef1f4;border-radius:10px;padding:0 8px;font-size:12px;color:var(--muted)}
tr.sev-error td:first-child{color:var(--bad);font-weight:600}tr.sev-warning td:first-child{color:var(--warn);font-weight:600}tr.sev-info td:first-child{color:var(--muted)}
.scope{color:var(--muted)}.notes{color:var(--muted);font-size:12px}code{font:12px ui-monospace,monospace;background:#f0f2f4;padding:0 3px;border-radius:3px}
.diagram{overflow:auto;max-height:900px;border:1px solid var(--line);background:#fbfcfd}
`;
