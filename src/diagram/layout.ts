import { relationClusters } from './clusters.js';
import type { ErEntity, ErGraph, ErRelationship } from './er-graph.js';

/**
 * Places an ER graph with the Eclipse Layout Kernel (elkjs): the layered algorithm, orthogonal
 * edge routing, one port per field row that a relationship uses (so an edge starts and ends at
 * the row of its foreign key or referenced key), relation names as edge labels ELK places
 * without overlap. Coordinates are absolute (ELK's ROOT coordinate mode).
 *
 * Large schemas (GROUP_MIN models or more) are grouped: a multi-file master by file, a single
 * file by relation clusters (clusters.ts). Smaller ones: ELK packs connected components.
 *
 * ELK is deterministic for one input (fixed random seed), and the input is built in schema order.
 */

export const ROW = 18;
export const HEADER = 24;
export const PAD_X = 10;
/** Monospace widths the SVG uses: 12px attribute text, bold 13px titles, 10px labels. */
export const CHAR = 7.3;
export const TITLE_CHAR = 8.2;
export const LABEL_CHAR = 6.2;
export const LABEL_H = 14;
const GROUP_MIN = 40;
const GROUP_PAD_TOP = 28;

export interface Point {
  x: number;
  y: number;
}

export interface EntityBox {
  entity: ErEntity;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface EdgeRoute {
  relationship: ErRelationship;
  /** Orthogonal polyline from `a`'s row to `b`'s row. */
  points: Point[];
  label?: { text: string; x: number; y: number; w: number; h: number };
}

export interface GroupBox {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ErLayout {
  width: number;
  height: number;
  boxes: EntityBox[];
  edges: EdgeRoute[];
  groups: GroupBox[];
}

interface ElkLabel {
  text?: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}
interface ElkSection {
  startPoint: Point;
  endPoint: Point;
  bendPoints?: Point[];
}
interface ElkEdge {
  id: string;
  sources: string[];
  targets: string[];
  labels?: ElkLabel[];
  sections?: ElkSection[];
}
interface ElkNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  ports?: { id: string; x: number; y: number; width: number; height: number; layoutOptions?: Record<string, string> }[];
  children?: ElkNode[];
  edges?: ElkEdge[];
  labels?: ElkLabel[];
}

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.edgeNode': '18',
  'elk.spacing.edgeEdge': '10',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.labelLabel': '4',
  'elk.layered.spacing.edgeNodeBetweenLayers': '18',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '60',
  'elk.randomSeed': '1',
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
};

/**
 * Above LARGE models: Brandes-Koepf node placement (network simplex took 9 of 13.5 s on an
 * 81-model, 161-relation schema; Brandes-Koepf 3.6 s, the drawing taller) and long chains of
 * layers wrapped into rows (a 300-model chain: 102,000 px wide without, 7,000 with).
 */
const LARGE = 40;
const LARGE_OPTIONS: Record<string, string> = {
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.thoroughness': '3',
  'elk.layered.wrapping.strategy': 'MULTI_EDGE',
  'elk.aspectRatio': '1.6',
};

export function entitySize(entity: ErEntity): { w: number; h: number } {
  const title = (entity.name.length + (entity.kind !== 'model' ? entity.kind.length + 3 : 0)) * TITLE_CHAR;
  const rows = entity.attributes.map(
    (a) => (a.name.length + a.type.length + (a.optional ? 1 : 0) + 1) * CHAR + (a.keys.length > 0 ? (a.keys.join(',').length + 1) * CHAR : 0),
  );
  const w = Math.max(120, title, ...rows) + PAD_X * 2;
  const h = HEADER + Math.max(1, entity.attributes.length) * ROW + 6;
  return { w: Math.ceil(w), h };
}

/** The y of a field row's middle, relative to the box (the header when the field is not shown). */
function rowY(entity: ErEntity, fields: string[]): number {
  const i = entity.attributes.findIndex((a) => fields.includes(a.name));
  return i < 0 ? HEADER / 2 : HEADER + i * ROW + ROW / 2;
}

/**
 * Lays the graph out. Async: elkjs runs its layout as a promise. A grouped layout is checked
 * (layoutProblems): should ELK route an edge across groups through a table or off the grid, the
 * schema is laid out again without groups.
 */
export async function layoutEr(graph: ErGraph): Promise<ErLayout> {
  if (graph.entities.length === 0) return { width: 240, height: 40, boxes: [], edges: [], groups: [] };
  const groups = groupByFile(graph) ?? (graph.entities.length >= GROUP_MIN ? relationClusters(graph) : undefined);
  if (groups) {
    const grouped = await runElk(graph, groups);
    if (layoutProblems(grouped).length === 0) return grouped;
  }
  return runElk(graph, undefined);
}

/**
 * What a layout must not have: a segment that is not horizontal or vertical, a segment through a
 * table that is not one of the edge's ends, a label over another label or a table. Pure.
 */
export function layoutProblems(layout: ErLayout): string[] {
  const problems: string[] = [];
  const inside = (b: { x: number; y: number; w: number; h: number }, x1: number, y1: number, x2: number, y2: number) =>
    Math.max(x1, x2) > b.x + 0.5 && Math.min(x1, x2) < b.x + b.w - 0.5 && Math.max(y1, y2) > b.y + 0.5 && Math.min(y1, y2) < b.y + b.h - 0.5;
  for (const e of layout.edges) {
    const { a, b, label } = e.relationship;
    for (let i = 0; i + 1 < e.points.length; i++) {
      const [p, q] = [e.points[i], e.points[i + 1]];
      if (p.x !== q.x && p.y !== q.y) problems.push(`${a}-${b} ${label}: diagonal segment`);
      for (const box of layout.boxes)
        if (box.entity.name !== a && box.entity.name !== b && inside(box, p.x, p.y, q.x, q.y)) problems.push(`${a}-${b} ${label}: through ${box.entity.name}`);
    }
  }
  const labels = layout.edges.flatMap((e) => (e.label ? [e.label] : []));
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    for (let j = i + 1; j < labels.length; j++)
      if (inside(labels[j], l.x, l.y, l.x + l.w, l.y + l.h)) problems.push(`label ${l.text} over label ${labels[j].text}`);
    for (const box of layout.boxes) if (inside(box, l.x, l.y, l.x + l.w, l.y + l.h)) problems.push(`label ${l.text} over ${box.entity.name}`);
  }
  return problems;
}

async function runElk(graph: ErGraph, groupsOf: Map<string, string[]> | undefined): Promise<ErLayout> {
  // elk.bundled.js is CommonJS (module.exports = ELK); Node hands it over as the default export.
  const ELK = (await import('elkjs/lib/elk.bundled.js')).default as unknown as new () => { layout(graph: unknown): Promise<unknown> };
  const byName = new Map(graph.entities.map((e) => [e.name, e]));
  const nodes = new Map<string, ElkNode>();
  const ids = new Map<string, string>(graph.entities.map((e, i) => [e.name, `n${i}`]));
  for (const e of graph.entities) {
    const { w, h } = entitySize(e);
    nodes.set(e.name, { id: ids.get(e.name)!, width: w, height: h, ports: [], layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } });
  }
  const port = (entity: string, fields: string[], side: 'EAST' | 'WEST'): string => {
    const node = nodes.get(entity)!;
    const y = rowY(byName.get(entity)!, fields);
    const id = `${node.id}.${side === 'EAST' ? 'e' : 'w'}${y}`;
    if (!node.ports!.some((p) => p.id === id))
      node.ports!.push({ id, x: side === 'EAST' ? node.width! : 0, y, width: 0, height: 0, layoutOptions: { 'elk.port.side': side } });
    return id;
  };
  const edges: ElkEdge[] = graph.relationships.map((r, i) => ({
    id: `e${i}`,
    // The referenced side (`a`) on the left, the side holding the foreign key on the right.
    sources: [port(r.a, r.aFields, 'EAST')],
    targets: [port(r.b, r.bFields, r.a === r.b ? 'EAST' : 'WEST')],
    labels: [{ text: r.label, width: Math.ceil(r.label.length * LABEL_CHAR + 4), height: LABEL_H }],
  }));

  const root: ElkNode = {
    id: 'root',
    layoutOptions:
      graph.entities.length > LARGE ? { ...ROOT_OPTIONS, ...LARGE_OPTIONS, ...(groupsOf ? { 'elk.layered.wrapping.strategy': 'OFF' } : {}) } : ROOT_OPTIONS,
    edges,
  };
  if (groupsOf) {
    root.children = [...groupsOf.entries()].map(([file, names], i) => ({
      id: `g${i}`,
      labels: [{ text: file, width: file.length * LABEL_CHAR, height: LABEL_H }],
      layoutOptions: { 'elk.padding': `[top=${GROUP_PAD_TOP},left=16,bottom=16,right=16]`, 'elk.nodeLabels.placement': 'INSIDE V_TOP H_LEFT' },
      children: names.map((n) => nodes.get(n)!),
    }));
  } else {
    root.children = [...nodes.values()];
  }

  const elk = new ELK();
  const out = (await elk.layout(root)) as ElkNode;

  const boxes: EntityBox[] = [];
  const groups: GroupBox[] = [];
  const place = (n: ElkNode) => {
    const entity = graph.entities[Number(n.id.slice(1))];
    boxes.push({ entity, x: round(n.x!), y: round(n.y!), w: n.width!, h: n.height! });
  };
  for (const child of out.children ?? []) {
    if (child.id.startsWith('g')) {
      groups.push({ name: child.labels?.[0]?.text ?? '', x: round(child.x!), y: round(child.y!), w: round(child.width!), h: round(child.height!) });
      for (const n of child.children ?? []) place(n);
    } else place(child);
  }
  const routed: EdgeRoute[] = [];
  const allEdges = [...(out.edges ?? []), ...(out.children ?? []).flatMap((c) => c.edges ?? [])];
  for (const e of allEdges) {
    const relationship = graph.relationships[Number(e.id.slice(1))];
    const s = e.sections?.[0];
    if (!s) continue;
    const points = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: round(p.x), y: round(p.y) }));
    const l = e.labels?.[0];
    routed.push({
      relationship,
      points,
      label: l && l.x !== undefined ? { text: relationship.label, x: round(l.x), y: round(l.y!), w: l.width!, h: l.height! } : undefined,
    });
  }
  routed.sort((x, y) => graph.relationships.indexOf(x.relationship) - graph.relationships.indexOf(y.relationship));
  boxes.sort((x, y) => graph.entities.indexOf(x.entity) - graph.entities.indexOf(y.entity));
  return { width: Math.ceil(out.width!), height: Math.ceil(out.height!), boxes, edges: routed, groups };
}

/** One group per file of a multi-file master, when the schema is large. */
function groupByFile(graph: ErGraph): Map<string, string[]> | undefined {
  if (graph.entities.length < GROUP_MIN) return undefined;
  const groups = new Map<string, string[]>();
  for (const e of graph.entities) {
    const list = groups.get(e.location.file) ?? [];
    list.push(e.name);
    groups.set(e.location.file, list);
  }
  return groups.size > 1 ? groups : undefined;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
