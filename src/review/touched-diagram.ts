import type { SchemaChange } from '../diff/codes.js';
import type { ErEntity, ErGraph } from '../diagram/er-graph.js';

/**
 * The ER graph of the models a change touches, for a review: fields the change added, removed
 * (kept, marked) or changed are marked; models only in the base are shown with every field
 * removed. Relationships between two touched models, from either side. Pure.
 */
export function touchedGraph(base: ErGraph, head: ErGraph, changes: readonly SchemaChange[]): ErGraph {
  const touched = new Set(changes.map((c) => c.model).filter((m): m is string => m !== undefined));
  // Renamed fields: shown once, under the new name, with the old one in the comment.
  const renamed = new Map(changes.filter((c) => c.code === 'field-renamed' && c.model && c.before && c.after).map((c) => [`${c.model}.${c.after}`, c.before!]));
  const baseBy = new Map(base.entities.map((e) => [e.name, e]));
  const headBy = new Map(head.entities.map((e) => [e.name, e]));
  const entities: ErEntity[] = [];
  for (const name of [...head.entities.map((e) => e.name), ...base.entities.map((e) => e.name).filter((n) => !headBy.has(n))]) {
    if (!touched.has(name)) continue;
    const now = headBy.get(name);
    const before = baseBy.get(name);
    if (!now) {
      entities.push({ ...before!, attributes: before!.attributes.map((a) => ({ ...a, mark: 'removed' })) });
      continue;
    }
    const attributes = now.attributes.map((a) => {
      const from = renamed.get(`${name}.${a.name}`);
      if (from !== undefined) return { ...a, mark: 'renamed' as const, renamedFrom: from };
      const old = before?.attributes.find((b) => b.name === a.name);
      if (!old) return { ...a, mark: 'added' as const };
      if (old.type !== a.type || old.optional !== a.optional || old.keys.join() !== a.keys.join()) return { ...a, mark: 'changed' as const };
      return a;
    });
    const renamedAway = new Set([...renamed.entries()].filter(([k]) => k.startsWith(`${name}.`)).map(([, v]) => v));
    for (const old of before?.attributes ?? [])
      if (!now.attributes.some((a) => a.name === old.name) && !renamedAway.has(old.name)) attributes.push({ ...old, mark: 'removed' });
    entities.push({ ...now, attributes });
  }
  const key = (r: ErGraph['relationships'][number]) => `${r.a}|${r.b}|${r.label}`;
  const headKeys = new Set(head.relationships.map(key));
  const relationships = [
    ...head.relationships,
    ...base.relationships.filter((r) => !headKeys.has(key(r))).map((r) => ({ ...r, label: `${r.label} (removed)` })),
  ].filter((r) => touched.has(r.a) && touched.has(r.b));
  return { entities, relationships };
}
