import type { Cardinality, ErEntity, ErGraph } from './er-graph.js';

/**
 * Renders an ER graph as a standalone SVG: no script, no fonts or images from the network,
 * so it displays anywhere (the HTML report embeds it inline).
 *
 * Layout: entities are ordered breadth-first along relationships (so related tables land near
 * each other) and placed on a grid; relationships are straight lines between box borders with
 * the cardinality written at each end.
 */

export interface SvgOptions {
  /** Link for an entity's title (for example the model's file:line). */
  href?: (entity: ErEntity) => string | undefined;
}

const ROW = 18;
const HEADER = 26;
const PAD_X = 10;
const CHAR = 7.2;
const GAP_X = 70;
const GAP_Y = 60;
const MARGIN = 20;

interface Box {
  entity: ErEntity;
  x: number;
  y: number;
  w: number;
  h: number;
}

export function renderErSvg(graph: ErGraph, options: SvgOptions = {}): string {
  if (graph.entities.length === 0) {
    return '<svg xmlns="http://www.w3.org/2000/svg" class="er-diagram" width="240" height="40" role="img" aria-label="ER diagram (no models)"><text x="10" y="24">No models</text></svg>';
  }
  const boxes = layout(graph);
  const byName = new Map(boxes.map((b) => [b.entity.name, b]));
  const width = Math.ceil(Math.max(...boxes.map((b) => b.x + b.w)) + MARGIN);
  const height = Math.ceil(Math.max(...boxes.map((b) => b.y + b.h)) + MARGIN);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="er-diagram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Entity-relationship diagram: ${graph.entities.length} models, ${graph.relationships.length} relationships">`,
  );
  out.push(
    '<style>.er-box{fill:#fff;stroke:#3b5b8a;stroke-width:1.2}.er-head{fill:#3b5b8a}.er-title{fill:#fff;font:bold 13px sans-serif}.er-attr{font:12px monospace;fill:#1d2733}.er-key{font:bold 10px sans-serif;fill:#a05a00}.er-edge{stroke:#7a8796;stroke-width:1.3;fill:none}.er-card{font:11px sans-serif;fill:#33475b}.er-label{font:italic 10px sans-serif;fill:#6a7785}</style>',
  );
  out.push('<g class="er-edges">');
  for (const r of graph.relationships) {
    const a = byName.get(r.a);
    const b = byName.get(r.b);
    if (!a || !b) continue;
    out.push(edge(a, b, r.aSide, r.bSide, r.label));
  }
  out.push('</g>');
  out.push('<g class="er-entities">');
  for (const box of boxes) out.push(entityBox(box, options.href?.(box.entity)));
  out.push('</g></svg>');
  return out.join('\n');
}

function boxSize(entity: ErEntity): { w: number; h: number } {
  const title = entity.name.length * (CHAR + 1);
  const rows = entity.attributes.map((a) => (a.name.length + a.type.length + (a.optional ? 1 : 0) + 2) * CHAR + (a.keys.length > 0 ? a.keys.join(',').length * 7 + 8 : 0));
  const w = Math.max(120, title, ...rows) + PAD_X * 2;
  const h = HEADER + Math.max(1, entity.attributes.length) * ROW + 6;
  return { w: Math.ceil(w), h };
}

/** Breadth-first order from the most connected entity, each component in turn. */
function order(graph: ErGraph): ErEntity[] {
  const neighbours = new Map<string, string[]>(graph.entities.map((e) => [e.name, []]));
  for (const r of graph.relationships) {
    if (r.a === r.b) continue;
    neighbours.get(r.a)?.push(r.b);
    neighbours.get(r.b)?.push(r.a);
  }
  const byName = new Map(graph.entities.map((e) => [e.name, e]));
  const degree = (n: string) => neighbours.get(n)?.length ?? 0;
  const seeds = [...graph.entities].sort((x, y) => degree(y.name) - degree(x.name) || (x.name < y.name ? -1 : 1));
  const seen = new Set<string>();
  const out: ErEntity[] = [];
  for (const seed of seeds) {
    if (seen.has(seed.name)) continue;
    const queue = [seed.name];
    seen.add(seed.name);
    while (queue.length > 0) {
      const n = queue.shift()!;
      out.push(byName.get(n)!);
      for (const m of [...new Set(neighbours.get(n))].sort((x, y) => degree(y) - degree(x) || (x < y ? -1 : 1))) {
        if (!seen.has(m)) {
          seen.add(m);
          queue.push(m);
        }
      }
    }
  }
  return out;
}

function layout(graph: ErGraph): Box[] {
  const entities = order(graph);
  const cols = Math.max(1, Math.ceil(Math.sqrt(entities.length * 1.4)));
  const sizes = entities.map(boxSize);
  const colWidths: number[] = Array(cols).fill(0);
  const rowHeights: number[] = [];
  entities.forEach((_, i) => {
    const c = i % cols;
    const r = Math.floor(i / cols);
    colWidths[c] = Math.max(colWidths[c], sizes[i].w);
    rowHeights[r] = Math.max(rowHeights[r] ?? 0, sizes[i].h);
  });
  const colX: number[] = [];
  let x = MARGIN;
  for (const w of colWidths) {
    colX.push(x);
    x += w + GAP_X;
  }
  const rowY: number[] = [];
  let y = MARGIN;
  for (const h of rowHeights) {
    rowY.push(y);
    y += h + GAP_Y;
  }
  return entities.map((entity, i) => ({ entity, x: colX[i % cols], y: rowY[Math.floor(i / cols)], ...sizes[i] }));
}

function entityBox(box: Box, href: string | undefined): string {
  const { entity, x, y, w, h } = box;
  const parts: string[] = [];
  parts.push(`<g class="er-entity" id="entity-${escapeXml(entity.name)}" data-model="${escapeXml(entity.name)}">`);
  parts.push(`<title>${escapeXml(entity.name)}${entity.table !== entity.name ? ` (table ${escapeXml(entity.table)})` : ''}${entity.doc ? `: ${escapeXml(entity.doc)}` : ''}</title>`);
  parts.push(`<rect class="er-box" x="${x}" y="${y}" width="${w}" height="${h}" rx="4"/>`);
  parts.push(`<rect class="er-head" x="${x}" y="${y}" width="${w}" height="${HEADER - 4}" rx="4"/>`);
  const title = `<text class="er-title" x="${x + PAD_X}" y="${y + 16}">${escapeXml(entity.name)}${entity.kind !== 'model' ? ` (${entity.kind})` : ''}</text>`;
  parts.push(href ? `<a href="${escapeXml(href)}">${title}</a>` : title);
  entity.attributes.forEach((a, i) => {
    const ty = y + HEADER + i * ROW + 12;
    parts.push(`<text class="er-attr" x="${x + PAD_X}" y="${ty}">${escapeXml(a.name)} <tspan fill="#5b6b7d">${escapeXml(a.type)}${a.optional ? '?' : ''}</tspan></text>`);
    if (a.keys.length > 0) parts.push(`<text class="er-key" x="${x + w - PAD_X}" y="${ty}" text-anchor="end">${a.keys.join(',')}</text>`);
  });
  parts.push('</g>');
  return parts.join('');
}

const CARD_TEXT: Record<Cardinality, string> = { 'exactly-one': '1', 'zero-or-one': '0..1', 'zero-or-more': '*' };

function edge(a: Box, b: Box, aSide: Cardinality, bSide: Cardinality, label: string): string {
  const title = `<title>${escapeXml(a.entity.name)} ${CARD_TEXT[aSide]} — ${CARD_TEXT[bSide]} ${escapeXml(b.entity.name)} (${escapeXml(label)})</title>`;
  if (a === b) {
    // Self relation: a loop on the right edge.
    const x = a.x + a.w;
    const y1 = a.y + 8;
    const y2 = a.y + 30;
    return `<g class="er-rel">${title}<path class="er-edge" d="M${x} ${y1} C${x + 40} ${y1 - 10}, ${x + 40} ${y2 + 10}, ${x} ${y2}"/><text class="er-card" x="${x + 4}" y="${y1 - 2}">${CARD_TEXT[aSide]}</text><text class="er-card" x="${x + 4}" y="${y2 + 12}">${CARD_TEXT[bSide]}</text></g>`;
  }
  const ac = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
  const bc = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  const p = clip(a, ac, bc);
  const q = clip(b, bc, ac);
  const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
  const ux = (q.x - p.x) / len;
  const uy = (q.y - p.y) / len;
  const at = (pt: { x: number; y: number }, d: number) => ({ x: round(pt.x + ux * d - uy * 8), y: round(pt.y + uy * d + ux * 8 + 4) });
  const la = at(p, 14);
  const lb = at(q, -14);
  const mid = { x: round((p.x + q.x) / 2), y: round((p.y + q.y) / 2) };
  return [
    `<g class="er-rel">${title}`,
    `<line class="er-edge" x1="${round(p.x)}" y1="${round(p.y)}" x2="${round(q.x)}" y2="${round(q.y)}"/>`,
    `<text class="er-card" x="${la.x}" y="${la.y}" text-anchor="middle">${CARD_TEXT[aSide]}</text>`,
    `<text class="er-card" x="${lb.x}" y="${lb.y}" text-anchor="middle">${CARD_TEXT[bSide]}</text>`,
    `<text class="er-label" x="${mid.x}" y="${mid.y - 3}" text-anchor="middle">${escapeXml(label)}</text>`,
    '</g>',
  ].join('');
}

/** Where the segment from the box centre `from` towards `to` leaves the box. */
function clip(box: Box, from: { x: number; y: number }, to: { x: number; y: number }): { x: number; y: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (dx === 0 && dy === 0) return from;
  const sx = dx === 0 ? Infinity : box.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: from.x + dx * s, y: from.y + dy * s };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
