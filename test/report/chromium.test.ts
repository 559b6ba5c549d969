import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { assertCorpusPresent, corpusSkip, repoRoot } from '../helpers/corpus.js';
import { run } from '../helpers/project.js';

const CHROMIUM = process.env.STEWARD_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type Page = import('playwright-core').Page;

/**
 * Geometry read from the rendered DOM: every relationship's path, sampled along its length,
 * stays out of every table box that is not one of its two ends; no two relation labels overlap,
 * and no label overlaps a table box (the rendered text's own box, with the browser's font).
 */
async function checkDiagramGeometry(page: Page, models: number, t: { diagnostic(m: string): void }): Promise<void> {
  // Runs in the page (plain JavaScript: the project compiles without the DOM's types).
  const result = (await page.evaluate(`(() => {
    const svg = document.querySelector('svg.er-diagram');
    const boxes = [...svg.querySelectorAll('g.er-entity')].map((g) => {
      const b = g.querySelector('rect.er-box').getBBox();
      return { name: g.dataset.model, x: b.x, y: b.y, w: b.width, h: b.height };
    });
    const crossings = [];
    let samples = 0;
    for (const rel of svg.querySelectorAll('g.er-rel')) {
      const { a, b } = rel.dataset;
      const path = rel.querySelector('path.er-edge');
      const length = path.getTotalLength();
      for (let d = 0; d <= length; d += 2) {
        const p = path.getPointAtLength(d);
        samples++;
        for (const box of boxes) {
          if (box.name === a || box.name === b) continue;
          if (p.x > box.x + 0.5 && p.x < box.x + box.w - 0.5 && p.y > box.y + 0.5 && p.y < box.y + box.h - 0.5) crossings.push(\`\${a}->\${b} through \${box.name} at \${Math.round(p.x)},\${Math.round(p.y)}\`);
        }
      }
    }
    const labels = [...svg.querySelectorAll('text.er-label')].map((el) => {
      const b = el.getBBox();
      return { text: el.textContent, x: b.x, y: b.y, w: b.width, h: b.height };
    });
    const hit = (p, q) => p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
    const overlaps = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) if (hit(labels[i], labels[j])) overlaps.push(\`\${labels[i].text} / \${labels[j].text}\`);
      for (const box of boxes) if (hit(labels[i], box)) overlaps.push(\`\${labels[i].text} on \${box.name}\`);
    }
    return { boxes: boxes.length, edges: svg.querySelectorAll('g.er-rel').length, labels: labels.length, samples, crossings, overlaps };
  })()`)) as { boxes: number; edges: number; labels: number; samples: number; crossings: string[]; overlaps: string[] };
  assert.equal(result.boxes, models);
  assert.ok(result.samples > result.edges * 10, `sampled ${result.samples} points on ${result.edges} edges`);
  assert.equal(result.labels, result.edges, 'every relationship has its label');
  assert.deepEqual(result.crossings, [], 'no edge runs through a table that is not its end');
  assert.deepEqual(result.overlaps, [], 'no label overlaps another label or a table');
  t.diagnostic(`diagram: ${result.boxes} tables, ${result.edges} edges (${result.samples} points sampled), ${result.labels} labels; no crossing, no overlap`);
}

describe('steward report --html in headless Chromium', () => {
  it('renders offline with the ER diagram, findings and trend; saves a screenshot', async (t) => {
    if (!existsSync(CHROMIUM)) {
      t.skip(`no Chromium at ${CHROMIUM} (.ci/run installs it)`);
      return;
    }
    const { chromium } = await import('playwright-core');
    // Inside the repository, so the example's `import ... from 'prisma-steward'` resolves (package self-reference).
    mkdirSync(join(repoRoot, '.test-output'), { recursive: true });
    const project = mkdtempSync(join(repoRoot, '.test-output', 'report-'));
    cpSync(join(repoRoot, 'examples', 'messaging-api'), project, { recursive: true });
    // A hand edit makes a real finding to show; history gives the trend chart two points.
    const { appendFileSync, writeFileSync, readFileSync } = await import('node:fs');
    const dev = join(project, 'api/prisma/schema.dev.prisma');
    writeFileSync(dev, readFileSync(dev, 'utf8') + '\n// edited by hand\n');
    assert.equal((await run(project, 'status', '--record')).code, 0);
    appendFileSync(
      join(project, '.steward/history.jsonl'),
      JSON.stringify({ time: new Date(Date.now() + 86_400_000).toISOString(), staleFiles: 0, staleDocs: 2, unreleasedChanges: 3 }) + '\n',
    );
    const out = join(project, 'out', 'report.html');
    const r = await run(project, 'report', '--html', out);
    assert.equal(r.code, 0, r.stderr);

    const profile = mkdtempSync(join(tmpdir(), 'steward-chromium-profile-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, offline: true });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) requests.push(req.url());
      });
      await page.goto(pathToFileURL(out).href);
      assert.match(await page.title(), /Schema report/);
      // The diagram: one box per model of the example, drawn with a real size.
      const entities = await page.locator('svg.er-diagram g.er-entity').count();
      assert.equal(entities, 10);
      const box = await page.locator('svg.er-diagram').boundingBox();
      assert.ok(box && box.width > 300 && box.height > 200, `diagram size ${JSON.stringify(box)}`);
      assert.ok((await page.locator('svg.er-diagram g.er-rel').count()) >= 10);
      assert.equal(await page.locator('#entity-Conversation text.er-title').textContent(), 'Conversation');
      // Findings: the hand edit is reported, with a link to file:line.
      const staleRow = page.locator('table.findings[data-source="generate"] tr.sev-error');
      assert.equal(await staleRow.count(), 1);
      assert.match((await staleRow.locator('a').getAttribute('href')) ?? '', /^\.\.\/api\/prisma\/schema\.dev\.prisma#L\d+$/);
      // The example's deliberate mismatches show up in the audit and lint tables.
      assert.ok((await page.locator('table.findings[data-source="audit"] tbody tr').count()) > 10);
      assert.ok((await page.locator('table.findings[data-source="lint"] tbody tr').count()) > 0);
      assert.equal((await page.locator('svg.trend-chart polyline').count()) > 0, true);
      assert.deepEqual(requests, [], 'the report makes no network request');
      await checkDiagramGeometry(page, 10, t);
      // Zoom and pan: the inline script ran (its hash is in the page's CSP) and changes the viewBox.
      assert.equal(await page.locator('#diagram .diagram.zoomable').count(), 1);
      const before = await page.locator('svg.er-diagram').getAttribute('viewBox');
      await page.locator('.diagram-tools button[data-zoom="in"]').click();
      const zoomed = await page.locator('svg.er-diagram').getAttribute('viewBox');
      assert.notEqual(zoomed, before);
      await page.locator('#diagram .diagram').scrollIntoViewIfNeeded();
      const area = (await page.locator('#diagram .diagram').boundingBox())!;
      await page.mouse.move(area.x + 200, area.y + 200);
      await page.mouse.down();
      await page.mouse.move(area.x + 300, area.y + 260, { steps: 4 });
      await page.mouse.up();
      const panned = (await page.locator('svg.er-diagram').getAttribute('viewBox'))!.split(' ').map(Number);
      const z = zoomed!.split(' ').map(Number);
      assert.ok(panned[0] < z[0] && panned[1] < z[1] && panned[2] === z[2], `pan moved the view: ${zoomed} -> ${panned.join(' ')}`);
      await page.locator('.diagram-tools button[data-zoom="fit"]').click();
      assert.equal(await page.locator('svg.er-diagram').getAttribute('viewBox'), before);
      // Findings lead with what matters: groups with errors first, each code one collapsible row with its count.
      const first = await page.locator('details.group').first().getAttribute('data-source');
      assert.equal(first, 'generate');
      const conversions = page.locator('details.group[data-source="generate-changes"] details.code');
      assert.ok((await conversions.count()) > 3);
      assert.equal(await page.locator('details.group[data-source="generate-changes"] details.code[open]').count(), 0, 'conversion codes start collapsed');
      const height = await page.evaluate('document.documentElement.scrollHeight');
      t.diagnostic(`page height ${height}px`);
      // Printing opens every collapsed section.
      await page.emulateMedia({ media: 'print' });
      await page.evaluate("dispatchEvent(new Event('beforeprint'))");
      assert.equal(await page.locator('details:not([open])').count(), 0);
      assert.equal(await page.locator('nav').isVisible(), false);
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate("dispatchEvent(new Event('afterprint'))");
      const shots = join(repoRoot, '.test-output');
      mkdirSync(shots, { recursive: true });
      const shot = join(shots, 'report-chromium.png');
      await page.screenshot({ path: shot, fullPage: true });
      assert.ok(statSync(shot).size > 10_000);
      t.diagnostic(`screenshot: ${shot}`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('lays out a 62-model multi-file corpus schema (papermark) without crossings or overlaps; grouped by file', { skip: corpusSkip() }, async (t) => {
    if (!existsSync(CHROMIUM)) {
      t.skip(`no Chromium at ${CHROMIUM} (.ci/run installs it)`);
      return;
    }
    const corpus = join(assertCorpusPresent(), 'mfts__papermark__prisma__schema');
    const { chromium } = await import('playwright-core');
    const project = mkdtempSync(join(tmpdir(), 'steward-report-corpus-'));
    cpSync(corpus, join(project, 'prisma', 'schema'), { recursive: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(project, 'steward.config.json'),
      JSON.stringify({ master: 'prisma/schema', prismaMajor: 6, environments: { production: { provider: 'postgresql', urlEnv: 'POSTGRES_PRISMA_URL' } } }),
    );
    const out = join(project, 'out', 'report.html');
    const r = await run(project, 'report', '--html', out);
    assert.equal(r.code, 0, r.stderr);
    const profile = mkdtempSync(join(tmpdir(), 'steward-chromium-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      offline: true,
      viewport: { width: 1600, height: 1000 },
    });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(out).href);
      await checkDiagramGeometry(page, 62, t);
      // One group per file of the master.
      const groups = await page.locator('svg.er-diagram g.er-group-box').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-group')).sort());
      assert.equal(groups.length, 10);
      assert.ok(
        groups.some((g) => g?.endsWith('link.prisma')),
        groups.join(', '),
      );
      const shots = join(repoRoot, '.test-output');
      mkdirSync(shots, { recursive: true });
      const shot = join(shots, 'report-diagram-corpus.png');
      await page.locator('#diagram').screenshot({ path: shot });
      assert.ok(statSync(shot).size > 10_000);
      t.diagnostic(`screenshot: ${shot}`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    }
  });
});
