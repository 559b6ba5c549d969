import type { Cardinality, ErEntity, ErGraph } from './er-graph.js';
import { CHAR, HEADER, LABEL_H, PAD_X, ROW, layoutEr, type EdgeRoute, type EntityBox, type ErLayout, type Point } from './layout.js';

/**
 * Renders an ER graph as a standalone SVG: no script, no fonts or images from the network,
 * so it displays anywhere (the HTML report embeds it inline; `steward docs` can write it).
 *
 * Layout by the Eclipse Layout Kernel (layout.ts): layered, orthogonal edges from field row to
 * field row, relation names as labels ELK keeps apart, crow's-foot cardinality at both ends.
 */

export interface SvgOptions {
  /** Link for an entity's title (for example the model's file:line). */
  href?: (entity: ErEntity) => string | undefined;
}

export async function renderErSvg(graph: ErGraph, options: SvgOptions = {}): Promise<string> {
  return renderErLayoutSvg(await layoutEr(graph), options);
}

const STYLE =
  '.er-box{fill:#fff;stroke:#3b5b8a;stroke-width:1.2}.er-head{fill:#3b5b8a}.er-title{fill:#fff;font:bold 13px ui-monospace,Menlo,Consolas,monospace}' +
  '.er-attr{font:12px ui-monospace,Menlo,Consolas,monospace;fill:#1d2733}.er-type{fill:#5b6b7d}.er-key{font:bold 12px ui-monospace,Menlo,Consolas,monospace;fill:#a05a00}' +
  '.er-edge{stroke:#7a8796;stroke-width:1.3;fill:none}.er-foot{stroke:#33475b;stroke-width:1.3;fill:#fff}.er-label-bg{fill:#fbfcfd;opacity:.9}' +
  '.er-label{font:10px ui-monospace,Menlo,Consolas,monospace;fill:#4a5866}.er-group{fill:#f1f4f8;stroke:#c5cfdb;stroke-dasharray:4 3}.er-group-name{font:bold 11px ui-monospace,monospace;fill:#5b6b7d}' +
  '.er-rel:hover .er-edge{stroke:#c0392b;stroke-width:2}';

export function renderErLayoutSvg(layout: ErLayout, options: SvgOptions = {}): string {
  if (layout.boxes.length === 0) {
    return '<svg xmlns="http://www.w3.org/2000/svg" class="er-diagram" width="240" height="40" role="img" aria-label="ER diagram (no models)"><text x="10" y="24">No models</text></svg>';
  }
  const { width, height } = layout;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="er-diagram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Entity-relationship diagram: ${layout.boxes.length} models, ${layout.edges.length} relationships">`,
  );
  out.push(`<style>${STYLE}</style>`);
  if (layout.groups.length > 0) {
    out.push('<g class="er-groups">');
    for (const g of layout.groups)
      out.push(
        `<g class="er-group-box" data-group="${escapeXml(g.name)}"><rect class="er-group" x="${g.x}" y="${g.y}" width="${g.w}" height="${g.h}" rx="6"/><text class="er-group-name" x="${g.x + 10}" y="${g.y + 18}">${escapeXml(g.name)}</text></g>`,
      );
    out.push('</g>');
  }
  const byName = new Map(layout.boxes.map((b) => [b.entity.name, b]));
  out.push('<g class="er-edges">');
  for (const e of layout.edges) out.push(edge(e, byName.get(e.relationship.a)!, byName.get(e.relationship.b)!));
  out.push('</g>');
  out.push('<g class="er-entities">');
  for (const box of layout.boxes) out.push(entityBox(box, options.href?.(box.entity)));
  out.push('</g>');
  // Labels last, so no edge is drawn over them.
  out.push('<g class="er-labels">');
  for (const e of layout.edges) {
    const l = e.label;
    if (!l) continue;
    out.push(
      `<g class="er-label-box" data-edge="${escapeXml(`${e.relationship.a}-${e.relationship.b}-${e.relationship.label}`)}"><rect class="er-label-bg" x="${l.x}" y="${l.y}" width="${l.w}" height="${l.h}"/><text class="er-label" x="${round(l.x + 2)}" y="${round(l.y + LABEL_H - 4)}">${escapeXml(l.text)}</text></g>`,
    );
  }
  out.push('</g></svg>');
  return out.join('\n');
}

function entityBox(box: EntityBox, href: string | undefined): string {
  const { entity, x, y, w, h } = box;
  const parts: string[] = [];
  parts.push(`<g class="er-entity" id="entity-${escapeXml(entity.name)}" data-model="${escapeXml(entity.name)}">`);
  parts.push(
    `<title>${escapeXml(entity.name)}${entity.table !== entity.name ? ` (table ${escapeXml(entity.table)})` : ''}${entity.doc ? `: ${escapeXml(entity.doc)}` : ''}</title>`,
  );
  parts.push(`<rect class="er-box" x="${x}" y="${y}" width="${w}" height="${h}" rx="4"/>`);
  parts.push(`<path class="er-head" d="M${x} ${y + HEADER}V${y + 4}q0 -4 4 -4H${x + w - 4}q4 0 4 4V${y + HEADER}Z"/>`);
  const title = `<text class="er-title" x="${x + PAD_X}" y="${y + 17}">${escapeXml(entity.name)}${entity.kind !== 'model' ? ` (${entity.kind})` : ''}</text>`;
  parts.push(href ? `<a href="${escapeXml(href)}">${title}</a>` : title);
  entity.attributes.forEach((a, i) => {
    const ty = round(y + HEADER + i * ROW + 13);
    parts.push(
      `<text class="er-attr" x="${x + PAD_X}" y="${ty}">${escapeXml(a.name)} <tspan class="er-type">${escapeXml(a.type)}${a.optional ? '?' : ''}</tspan></text>`,
    );
    if (a.keys.length > 0) parts.push(`<text class="er-key" x="${round(x + w - PAD_X)}" y="${ty}" text-anchor="end">${a.keys.join(',')}</text>`);
  });
  parts.push('</g>');
  return parts.join('');
}

const CARD_TEXT: Record<Cardinality, string> = { 'exactly-one': '1', 'zero-or-one': '0..1', 'zero-or-more': '*' };

function edge(e: EdgeRoute, a: EntityBox, b: EntityBox): string {
  const r = e.relationship;
  const title = `<title>${escapeXml(r.a)} ${CARD_TEXT[r.aSide]} — ${CARD_TEXT[r.bSide]} ${escapeXml(r.b)} (${escapeXml(r.label)})</title>`;
  const p = e.points;
  const d = `M${p.map((q) => `${q.x} ${q.y}`).join('L')}`;
  const start = foot(p[0], outward(p[0], a), r.aSide);
  const end = foot(p[p.length - 1], outward(p[p.length - 1], b), r.bSide);
  return `<g class="er-rel" data-a="${escapeXml(r.a)}" data-b="${escapeXml(r.b)}" data-points="${p.map((q) => `${q.x},${q.y}`).join(' ')}">${title}<path class="er-edge" d="${d}"/>${start}${end}</g>`;
}

/** The unit direction pointing out of the box side the point lies on. */
function outward(pt: Point, box: EntityBox): Point {
  const dl = Math.abs(pt.x - box.x);
  const dr = Math.abs(pt.x - (box.x + box.w));
  const dt = Math.abs(pt.y - box.y);
  const db = Math.abs(pt.y - (box.y + box.h));
  const m = Math.min(dl, dr, dt, db);
  if (m === dl) return { x: -1, y: 0 };
  if (m === dr) return { x: 1, y: 0 };
  if (m === dt) return { x: 0, y: -1 };
  return { x: 0, y: 1 };
}

/** Crow's-foot symbol at an edge end `p` leaving the box in direction `u`. */
function foot(p: Point, u: Point, card: Cardinality): string {
  const at = (d: number, side: number) => `${round(p.x + u.x * d - u.y * side)} ${round(p.y + u.y * d + u.x * side)}`;
  const bar = (d: number) => `M${at(d, -5)}L${at(d, 5)}`;
  const circle = (d: number) => {
    const c = at(d, 0).split(' ');
    return `<circle class="er-foot" cx="${c[0]}" cy="${c[1]}" r="3.5"/>`;
  };
  if (card === 'exactly-one') return `<path class="er-foot" d="${bar(5)}${bar(9)}" data-card="${card}"/>`;
  if (card === 'zero-or-one') return `<path class="er-foot" d="${bar(5)}" data-card="${card}"/>${circle(13)}`;
  return `<path class="er-foot" d="M${at(0, -5)}L${at(9, 0)}L${at(0, 5)}M${at(0, 0)}L${at(9, 0)}" data-card="${card}"/>${circle(13)}`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Estimated text width in the diagram's monospace font (exported for tests). */
export const DIAGRAM_CHAR_WIDTH = CHAR;
