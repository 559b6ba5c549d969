import { createHash } from 'node:crypto';
import { escapeXml as esc } from '../diagram/svg.js';
import { SEVERITY_ORDER, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { Availability } from '../status/types.js';
import type { ReportData } from './data.js';
import { markdownToHtml } from './markdown.js';
import { VIEWER_SCRIPT } from './viewer-script.js';
import { renderTrendSvg } from './trend-svg.js';

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no request at view time. One
 * small inline script (allowed by its hash in the page's Content-Security-Policy, nothing else
 * may run) adds zoom and pan to the diagram and opens every collapsed section for printing;
 * without it the page reads the same. Pure.
 */
export function renderReportHtml(data: ReportData): string {
  const s = data.status;
  const parts: string[] = [];
  parts.push('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  const scriptHash = createHash('sha256').update(VIEWER_SCRIPT).digest('base64');
  parts.push(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'">`,
  );
  parts.push(`<title>${esc(data.title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  parts.push(`<header><h1>${esc(data.title)}</h1><p class="meta">${esc(s.master)} · ${s.models} models · generated ${esc(s.generatedAt)}</p>`);
  parts.push(
    '<nav><a href="#summary">Summary</a><a href="#diagram">Diagram</a><a href="#findings">Findings</a><a href="#changelog">Changelog</a><a href="#trend">Trend</a></nav></header>',
  );
  parts.push('<main>');
  parts.push(summary(data));
  parts.push(
    `<section id="diagram"><h2>Entity-relationship diagram</h2><p class="meta">${data.models} models, ${data.relationships} relationships. Crow's-foot ends: two bars exactly one, bar and circle zero or one, foot and circle zero or more. Drag to pan, wheel or buttons to zoom.</p><div class="diagram-tools" hidden><button type="button" data-zoom="in" title="Zoom in">+</button><button type="button" data-zoom="out" title="Zoom out">−</button><button type="button" data-zoom="fit" title="Fit">Fit</button></div><div class="diagram">${data.diagramSvg}</div></section>`,
  );
  parts.push(findings(data));
  parts.push(changelog(data));
  parts.push(
    `<section id="trend"><h2>Trend</h2><p class="meta">${data.history.length} recorded status${data.history.length === 1 ? '' : 'es'} from .steward/history.jsonl</p>${renderTrendSvg(data.history)}</section>`,
  );
  parts.push('</main>', `<script>${VIEWER_SCRIPT}</script>`, '</body>', '</html>');
  return parts.join('\n') + '\n';
}

function summary(data: ReportData): string {
  const s = data.status;
  const rows: [string, string, string][] = [];
  for (const e of s.environments) {
    const bad = e.files.filter((f) => f.state !== 'fresh');
    rows.push([
      `Environment ${e.name} (${e.provider})`,
      bad.length === 0 ? 'fresh' : bad.map((f) => `${f.path}: ${f.state}`).join(', '),
      bad.length === 0 ? 'ok' : 'bad',
    ]);
  }
  const add = <T>(label: string, a: Availability<T>, text: (v: T) => string, ok: (v: T) => boolean) =>
    rows.push(a.available ? [label, text(a.value), ok(a.value) ? 'ok' : 'bad'] : [label, `not available: ${a.reason}`, 'na']);
  add(
    'Docs sections',
    s.docs,
    (v) => (v.sections === 0 ? 'none' : `${v.sections} (${v.stale} stale)`),
    (v) => v.stale === 0,
  );
  add(
    'Lint',
    s.lint,
    (v) => `${v.error} errors, ${v.warning} warnings, ${v.info} info`,
    (v) => v.error === 0,
  );
  add(
    'Audit',
    s.audit,
    (v) =>
      `${v.total} mismatches${
        Object.keys(v.byModel).length
          ? `: ${Object.entries(v.byModel)
              .map(([m, n]) => `${m} ${n}`)
              .join(', ')}`
          : ''
      }`,
    (v) => v.total === 0,
  );
  add(
    'Migrations pending',
    s.migrations,
    (v) => v.map((m) => `${m.env}: ${m.state === 'checked' ? m.pending : `${m.local} local, ${m.state}`}`).join(', ') || 'none',
    (v) => v.every((m) => !m.pending),
  );
  add(
    'Release',
    s.release,
    (v) =>
      `${v.lastTag ? `last ${v.lastTag}` : 'no release tag yet'}, ${v.unreleased} unreleased (${v.bySeverity.breaking} breaking, ${v.bySeverity.dangerous} dangerous, ${v.bySeverity.safe} safe)`,
    (v) => v.bySeverity.breaking === 0,
  );
  add(
    'Drift',
    s.drift,
    (v) => v.map((d) => `${d.env}: ${d.state}`).join(', '),
    (v) => v.every((d) => d.state !== 'drifted'),
  );
  return `<section id="summary"><h2>Summary</h2><table class="summary"><tbody>${rows.map(([k, v, c]) => `<tr class="${c}"><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table></section>`;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** A finding's message: escaped, its `code spans` (how messages quote schema text) as <code>. */
function message(text: string): string {
  return esc(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function worst(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.reduce((m, d) => Math.max(m, SEVERITY_ORDER[d.severity]), -1);
}

/**
 * Findings by source, then by code: each code one collapsible row with its count, so the page
 * leads with what matters (sources and codes with errors first, open) and long lists of
 * information (environment conversions) stay one line until opened.
 */
function findings(data: ReportData): string {
  const out = ['<section id="findings"><h2>Findings</h2>'];
  const available = data.findings.filter((g) => g.available);
  const totals = Object.fromEntries(
    SEVERITIES.map((sev) => [sev, available.reduce((n, g) => n + (g.available ? g.diagnostics.filter((d) => d.severity === sev).length : 0), 0)]),
  );
  out.push(
    `<p class="meta totals">${SEVERITIES.map((sev) => `<span class="sev-${sev}">${totals[sev]} ${sev === 'info' ? 'info' : `${sev}${totals[sev] === 1 ? '' : 's'}`}</span>`).join(' · ')}</p>`,
  );
  const groups = data.findings
    .map((g, i) => ({ g, i, rank: g.available ? worst(g.diagnostics) : -2 }))
    .sort((x, y) => y.rank - x.rank || x.i - y.i)
    .map((x) => x.g);
  for (const g of groups) {
    if (!g.available) {
      out.push(
        `<details class="group" data-source="${esc(g.source)}"><summary><span class="group-title">${esc(g.title)}</span> <span class="na">not available</span></summary><p class="na">${esc(g.reason)}</p></details>`,
      );
      continue;
    }
    const byCode = new Map<string, Diagnostic[]>();
    for (const d of g.diagnostics) byCode.set(d.code, [...(byCode.get(d.code) ?? []), d]);
    const codes = [...byCode.entries()].sort(([a, x], [b, y]) => worst(y) - worst(x) || y.length - x.length || (a < b ? -1 : 1));
    const counts = SEVERITIES.map((sev) => [sev, g.diagnostics.filter((d) => d.severity === sev).length] as const).filter(([, n]) => n > 0);
    const open = worst(g.diagnostics) >= SEVERITY_ORDER.warning ? ' open' : '';
    out.push(
      `<details class="group" data-source="${esc(g.source)}"${open}><summary><span class="group-title">${esc(g.title)}</span> <span class="count">${g.diagnostics.length}</span>${counts.map(([sev, n]) => ` <span class="badge sev-${sev}">${n} ${sev}</span>`).join('')}${g.diagnostics.length === 0 ? ' <span class="ok">no findings</span>' : ''}</summary>`,
    );
    for (const [code, list] of codes) {
      const sev = SEVERITIES.find((x) => list.some((d) => d.severity === x))!;
      const openCode = sev === 'error' && list.length <= 20 ? ' open' : '';
      out.push(
        `<details class="code" data-code="${esc(code)}"${openCode}><summary><span class="badge sev-${sev}">${sev}</span> <code>${esc(code)}</code> <span class="count">${list.length}</span> <span class="first">${message(list[0].message)}</span></summary>`,
      );
      out.push(`<table class="findings" data-source="${esc(g.source)}"><tbody>`);
      for (const d of [...list].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity])) {
        const where = d.location ? `<a href="${esc(data.link(d.location.file, d.location.line))}">${esc(`${d.location.file}:${d.location.line}`)}</a>` : '';
        const scope = [d.env ? `[${d.env}]` : '', d.model ? `${d.model}${d.field ? `.${d.field}` : ''}` : ''].filter(Boolean).join(' ');
        const notes = d.notes?.length ? `<div class="notes">${d.notes.map(esc).join('<br>')}</div>` : '';
        out.push(
          `<tr class="sev-${d.severity}"><td class="where">${where}</td><td>${scope ? `<span class="scope">${esc(scope)}</span> ` : ''}${message(d.message)}${notes}</td></tr>`,
        );
      }
      out.push('</tbody></table></details>');
    }
    out.push('</details>');
  }
  out.push('</section>');
  return out.join('\n');
}

function changelog(data: ReportData): string {
  const c = data.changelog;
  if (!c.available) return `<section id="changelog"><h2>Changelog</h2><p class="na">Not available: ${esc(c.reason)}</p></section>`;
  const body =
    c.sections.length === 0
      ? '<p>No entries yet.</p>'
      : c.sections.map((s) => `<article><h3>${esc(s.heading)}</h3>${markdownToHtml(s.markdown, (target) => data.href(target, c.source))}</article>`).join('\n');
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

.scope{color:var(--muted)}.notes{color:var(--muted);font-size:12px}code{font:12px ui-monospace,monospace;background:#f0f2f4;padding:0 3px;border-radius:3px}
.diagram{overflow:auto;max-height:900px;border:1px solid var(--line);background:#fbfcfd}
.diagram.zoomable{overflow:hidden;height:75vh;max-height:none;cursor:grab;touch-action:none}.diagram.zoomable.panning{cursor:grabbing}.diagram.zoomable svg{width:100%;height:100%;display:block}
.diagram-tools{margin:4px 0}.diagram-tools button{font:13px system-ui,sans-serif;min-width:32px;margin-right:4px;padding:2px 8px;border:1px solid var(--line);background:#fff;border-radius:4px;cursor:pointer}
details.group{border-top:1px solid var(--line);padding:6px 0}details.group>summary{cursor:pointer;font-weight:600;font-size:15px}
details.code{margin:4px 0 4px 18px}details.code>summary{cursor:pointer}details.code table{margin:4px 0 8px}
.first{color:var(--muted);font-size:13px}.badge{border-radius:3px;padding:0 5px;font-size:12px;font-weight:600}
.badge.sev-error{background:#fbe3e0;color:var(--bad)}.badge.sev-warning{background:#fcf0d9;color:var(--warn)}.badge.sev-info{background:#eef1f4;color:var(--muted)}
.totals .sev-error{color:var(--bad);font-weight:600}.totals .sev-warning{color:var(--warn);font-weight:600}
td.where{width:320px;white-space:nowrap}article pre{background:#f0f2f4;padding:8px;overflow:auto}
@media print{
  body{background:#fff;font-size:11pt}header{border:0;padding:0 0 8px}nav,.diagram-tools{display:none}main{padding:0}
  section{border:0;border-radius:0;padding:0;margin:0 0 16px;break-inside:auto}h2,h3,summary{break-after:avoid}tr{break-inside:avoid}
  .diagram,.diagram.zoomable{overflow:visible;max-height:none;height:auto !important;border:0;background:#fff}.diagram svg{width:100%;height:auto}
  a{color:inherit;text-decoration:none}details>summary{list-style:none}details>summary::-webkit-details-marker{display:none}
}
`;
