import type { Cardinality, ErGraph } from './er-graph.js';

/** Mermaid `erDiagram` text for a graph (rendered by GitHub, GitLab and most markdown viewers). */
export function renderMermaidEr(graph: ErGraph): string {
  const lines = ['erDiagram'];
  for (const e of graph.entities) {
    if (e.attributes.length === 0) {
      lines.push(`  ${e.name} {`, '  }');
      continue;
    }
    lines.push(`  ${e.name} {`);
    for (const a of e.attributes) {
      const keys = a.keys.length > 0 ? ` ${a.keys.join(',')}` : '';
      const notes = [
        a.mark === 'added'
          ? '+ added'
          : a.mark === 'removed'
            ? '- removed'
            : a.mark === 'changed'
              ? '~ changed'
              : a.mark === 'renamed'
                ? `~ renamed from ${a.renamedFrom ?? '?'}`
                : '',
        a.optional ? 'optional' : '',
      ].filter(Boolean);
      const note = notes.length > 0 ? ` "${notes.join(', ')}"` : '';
      lines.push(`    ${mermaidType(a.type)} ${a.name}${keys}${note}`);
    }
    lines.push('  }');
  }
  for (const r of graph.relationships) {
    lines.push(`  ${r.a} ${LEFT[r.aSide]}--${RIGHT[r.bSide]} ${r.b} : "${r.label.replace(/"/g, "'")}"`);
  }
  return lines.join('\n');
}

const LEFT: Record<Cardinality, string> = { 'exactly-one': '||', 'zero-or-one': '|o', 'zero-or-more': '}o' };
const RIGHT: Record<Cardinality, string> = { 'exactly-one': '||', 'zero-or-one': 'o|', 'zero-or-more': 'o{' };

/** Mermaid attribute types are words: `Unsupported("x")` and other punctuation become `_`. */
function mermaidType(type: string): string {
  const list = type.endsWith('[]');
  const base = (list ? type.slice(0, -2) : type).replace(/[^A-Za-z0-9_]+/g, '_').replace(/_+$/, '');
  return list ? `${base}[]` : base;
}
