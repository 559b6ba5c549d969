import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildErGraph } from '../../src/diagram/er-graph.js';
import { renderMermaidEr } from '../../src/diagram/mermaid.js';
import { renderErSvg } from '../../src/diagram/svg.js';
import { HEADER, ROW, layoutEr, layoutProblems } from '../../src/diagram/layout.js';
import { relationClusters } from '../../src/diagram/clusters.js';
import type { ErGraph } from '../../src/diagram/er-graph.js';
import { assertCorpusPresent, corpusSkip } from '../helpers/corpus.js';
import { parseSchema } from '../../src/schema/parse.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempProject } from '../helpers/project.js';

const schema = parseSchema([
  {
    path: 'schema.prisma',
    text: `/// A <b>person</b> & "friend"
model User {
  id    Int     @id
  raw   Unsupported("tsvector")?
  posts Post[]
  boss  User?   @relation("Boss", fields: [bossId], references: [id])
  bossId Int?
  staff User[]  @relation("Boss")
}
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}
model Lonely {
  id Int @id
}`,
  },
]);

describe('ER diagram', () => {
  it('graph: relationships with cardinalities, self relations, keys', () => {
    const g = buildErGraph(schema);
    assert.deepEqual(
      g.relationships.map((r) => `${r.a} ${r.aSide} ${r.bSide} ${r.b} ${r.label}`),
      ['User zero-or-one zero-or-more User boss', 'User exactly-one zero-or-more Post author'],
    );
    assert.deepEqual(
      g.entities.find((e) => e.name === 'Post')!.attributes.map((a) => `${a.name}:${a.keys.join(',')}`),
      ['id:PK', 'authorId:FK'],
    );
  });

  it('mermaid: word types and escaped labels', () => {
    const m = renderMermaidEr(buildErGraph(schema));
    assert.match(m, /Unsupported_tsvector raw "optional"/);
    assert.match(m, /User \|o--o\{ User : "boss"/);
  });

  it('svg: one group per model, every text escaped, no script', async () => {
    const svg = await renderErSvg(buildErGraph(schema), { href: (e) => `schema.prisma#L${e.location.line}` });
    assert.equal(svg.match(/class="er-entity"/g)?.length, 3);
    assert.equal(svg.match(/class="er-rel"/g)?.length, 2);
    assert.ok(svg.includes('A &lt;b&gt;person&lt;/b&gt; &amp; &quot;friend&quot;'));
    assert.ok(!svg.includes('<b>') && !/<script/i.test(svg));
    assert.match(svg, /<a href="schema\.prisma#L2">/);
    // Boxes never overlap.
    const rects = [...svg.matchAll(/<rect class="er-box" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const [ax, ay, aw, ah] = rects[i];
        const [bx, by, bw, bh] = rects[j];
        assert.ok(ax + aw <= bx || bx + bw <= ax || ay + ah <= by || by + bh <= ay, 'boxes overlap');
      }
  });

  it('layout (elkjs): stable across runs, edges from the foreign-key row to the referenced row, orthogonal', async () => {
    const g = buildErGraph(schema);
    const [one, two] = [await layoutEr(g), await layoutEr(g)];
    assert.deepEqual(one, two);
    const post = one.boxes.find((b) => b.entity.name === 'Post')!;
    const user = one.boxes.find((b) => b.entity.name === 'User')!;
    const author = one.edges.find((e) => e.relationship.label === 'author')!;
    assert.deepEqual([author.relationship.aFields, author.relationship.bFields], [['id'], ['authorId']]);
    const [first, last] = [author.points[0], author.points[author.points.length - 1]];
    // Starts on User's east side at the `id` row, ends on Post's west side at the `authorId` row.
    assert.deepEqual(first, { x: user.x + user.w, y: user.y + HEADER + ROW / 2 });
    assert.deepEqual(last, { x: post.x, y: post.y + HEADER + ROW + ROW / 2 });
    for (const e of one.edges)
      for (let i = 0; i + 1 < e.points.length; i++) assert.ok(e.points[i].x === e.points[i + 1].x || e.points[i].y === e.points[i + 1].y, 'orthogonal segment');
    assert.ok(
      one.edges.every((e) => e.label),
      'every relation has a placed label',
    );
  });

  it('steward docs --diagram: the same SVG as the report, written with --write, stale is an error', async () => {
    const master = `datasource db {\n  provider = "postgresql"\n}\n\nmodel User {\n  id    Int    @id\n  posts Post[]\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n`;
    const dir = tempProject({
      'prisma/schema.master.prisma': master,
      'steward.config.json': JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { dev: { provider: 'sqlite' } } }),
    });
    const stale = await run(dir, 'docs', '--diagram', 'docs/er.svg');
    assert.equal(stale.code, 1);
    assert.match(stale.stdout, /docs\/er\.svg does not exist.*\[docs-diagram-stale\]/);
    assert.equal((await run(dir, 'docs', '--write', '--diagram', 'docs/er.svg')).code, 0);
    const expected = (await renderErSvg(buildErGraph(parseSchema([{ path: 'prisma/schema.master.prisma', text: master }])))) + '\n';
    assert.equal(readFileSync(join(dir, 'docs/er.svg'), 'utf8'), expected);
    assert.equal((await run(dir, 'docs', '--diagram', 'docs/er.svg')).code, 0);
  });

  it('relation clusters: two tightly related groups joined by one relationship, loners apart; deterministic', () => {
    const entity = (name: string) => ({ name, kind: 'model' as const, table: name, attributes: [], doc: '', location: { file: 's.prisma', line: 1 } });
    const rel = (a: string, b: string) => ({
      a,
      b,
      aSide: 'exactly-one' as const,
      bSide: 'zero-or-more' as const,
      label: `${a}${b}`,
      aFields: [],
      bFields: [],
    });
    const graph: ErGraph = {
      entities: ['A', 'B', 'C', 'X', 'Y', 'Z', 'Alone'].map(entity),
      relationships: [rel('A', 'B'), rel('B', 'C'), rel('C', 'A'), rel('X', 'Y'), rel('Y', 'Z'), rel('Z', 'X'), rel('A', 'B'), rel('C', 'X')],
    };
    const clusters = [...relationClusters(graph).values()].map((v) => v.join(','));
    assert.deepEqual(clusters, ['A,B,C', 'X,Y,Z', 'Alone']);
    assert.deepEqual([...relationClusters(graph).keys()], ['A and 2 related', 'X and 2 related', 'without relations']);
  });

  it('corpus schemas of 50-80 models: grouped, no diagonal segment, no edge through a table, no label overlap', { skip: corpusSkip() }, async (t) => {
    const dir = assertCorpusPresent();
    for (const name of ['documenso__documenso__packages__prisma__schema.prisma', 'calcom__cal.com__packages__prisma__schema.prisma']) {
      const g = buildErGraph(parseSchema([{ path: name, text: readFileSync(join(dir, name), 'utf8') }]));
      const started = performance.now();
      const layout = await layoutEr(g);
      assert.deepEqual(layoutProblems(layout), [], name);
      assert.ok(layout.groups.length > 3, `${name}: grouped by relation clusters`);
      t.diagnostic(
        `${name}: ${g.entities.length} models, ${g.relationships.length} relationships, ${layout.groups.length} groups, ${Math.round(performance.now() - started)} ms`,
      );
    }
  });
});
