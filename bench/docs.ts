import { buildErGraph } from '../src/diagram/er-graph.js';
import { renderErSvg } from '../src/diagram/svg.js';
import { renderMermaidEr } from '../src/diagram/mermaid.js';
import { renderModelSection, renderSchemaSection } from '../src/docs/markdown.js';
import { buildSchemaReference, environmentSchemas } from '../src/docs/reference.js';
import { parseSchema } from '../src/schema/parse.js';
import { type Benchmark, fmtMs, median } from './measure.js';
import { syntheticSchema } from './synthetic.js';

/** Rendering every reference section and the ER diagrams of a 300-model master (in process). */
export const docsBenchmark: Benchmark = {
  name: 'docs',
  async run({ rounds }) {
    const master = parseSchema([{ path: 'schema.master.prisma', text: syntheticSchema(300) }]);
    const envs = [
      { name: 'dev', provider: 'sqlite' as const, prismaMajor: 7 as const, urlEnv: 'DATABASE_URL' },
      { name: 'production', provider: 'postgresql' as const, prismaMajor: 7 as const, urlEnv: 'DATABASE_URL' },
    ];
    const reference: number[] = [];
    const diagram: number[] = [];
    let size = 0;
    for (let i = 0; i < Math.max(rounds, 3); i++) {
      const t0 = performance.now();
      const ref = buildSchemaReference(master, environmentSchemas(master, envs), 'schema.master.prisma');
      const graph = buildErGraph(master);
      let text = renderSchemaSection(ref, graph);
      for (const m of ref.models) text += renderModelSection(ref, m);
      const t1 = performance.now();
      const svg = await renderErSvg(graph);
      const mermaid = renderMermaidEr(graph);
      const t2 = performance.now();
      size = text.length + svg.length + mermaid.length;
      reference.push(t1 - t0);
      diagram.push(t2 - t1);
    }
    const ref = median(reference);
    return {
      name: 'docs',
      lines: [
        `300 models, 2 environments: reference sections (schema + every model) ${fmtMs(ref)}, ER diagram SVG + Mermaid ${fmtMs(median(diagram))} (${Math.round(size / 1024)} KiB of output)`,
      ],
      goals: [{ goal: 'docs sections for 300 models in < 1 s (in process)', met: ref < 1000 }],
    };
  },
};
