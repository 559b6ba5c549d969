import type { ErGraph } from './er-graph.js';

/**
 * Relation clusters of a large single-file schema, for grouping its diagram: Louvain modularity
 * optimisation (each model joins the neighbouring cluster that raises modularity most until nothing
 * moves, then clusters become nodes and the same again), in schema order, so the same schema gives
 * the same clusters. Hand-written (about 80 lines): the graph libraries that do it (graphology)
 * would add a dependency tree for one function. Models without relationships form one last cluster. Each cluster is named after its
 * most connected model. Pure.
 */
export function relationClusters(graph: ErGraph): Map<string, string[]> {
  const names = graph.entities.map((e) => e.name);
  const index = new Map(names.map((n, i) => [n, i]));
  const weights: Map<number, number>[] = names.map(() => new Map());
  let m = 0;
  for (const r of graph.relationships) {
    const a = index.get(r.a);
    const b = index.get(r.b);
    if (a === undefined || b === undefined || a === b) continue;
    weights[a].set(b, (weights[a].get(b) ?? 0) + 1);
    weights[b].set(a, (weights[b].get(a) ?? 0) + 1);
    m++;
  }
  const degree = weights.map((w) => [...w.values()].reduce((x, y) => x + y, 0));
  // Louvain: local moving, then each cluster becomes one node; again until nothing moves.
  let adj = weights;
  let deg = [...degree];
  let groups = names.map((_, i) => [i]);
  for (let level = 0; m > 0 && level < 20; level++) {
    const community = adj.map((_, i) => i);
    const total = [...deg];
    let any = false;
    for (let pass = 0, moved = true; moved && pass < 50; pass++) {
      moved = false;
      for (let i = 0; i < adj.length; i++) {
        if (deg[i] === 0) continue;
        const own = community[i];
        const links = new Map<number, number>();
        for (const [j, w] of adj[i]) if (j !== i) links.set(community[j], (links.get(community[j]) ?? 0) + w);
        total[own] -= deg[i];
        const gain = (c: number) => (links.get(c) ?? 0) - (total[c] * deg[i]) / (2 * m);
        let best = own;
        let bestGain = gain(own);
        for (const c of [...links.keys()].sort((x, y) => x - y)) {
          const g = gain(c);
          if (g > bestGain + 1e-12) {
            best = c;
            bestGain = g;
          }
        }
        total[best] += deg[i];
        if (best !== own) {
          community[i] = best;
          moved = any = true;
        }
      }
    }
    if (!any) break;
    const renumber = new Map<number, number>();
    for (const c of community) if (!renumber.has(c)) renumber.set(c, renumber.size);
    const nextAdj: Map<number, number>[] = [...renumber.keys()].map(() => new Map());
    const nextDeg: number[] = [...renumber.keys()].map(() => 0);
    const nextGroups: number[][] = [...renumber.keys()].map(() => []);
    adj.forEach((links, i) => {
      const ci = renumber.get(community[i])!;
      nextDeg[ci] += deg[i];
      nextGroups[ci].push(...groups[i]);
      for (const [j, w] of links) {
        const cj = renumber.get(community[j])!;
        if (cj !== ci) nextAdj[ci].set(cj, (nextAdj[ci].get(cj) ?? 0) + w);
      }
    });
    adj = nextAdj;
    deg = nextDeg;
    groups = nextGroups;
  }
  const community: number[] = [];
  groups.forEach((list, g) => list.forEach((i) => (community[i] = g)));
  const members = new Map<number, number[]>();
  const loners: number[] = [];
  names.forEach((_, i) => {
    if (degree[i] === 0) loners.push(i);
    else members.set(community[i], [...(members.get(community[i]) ?? []), i]);
  });
  const out = new Map<string, string[]>();
  for (const list of members.values()) {
    const hub = [...list].sort((x, y) => degree[y] - degree[x] || x - y)[0];
    out.set(
      list.length === 1 ? names[hub] : `${names[hub]} and ${list.length - 1} related`,
      list.map((i) => names[i]),
    );
  }
  if (loners.length > 0)
    out.set(
      'without relations',
      loners.map((i) => names[i]),
    );
  return out;
}
