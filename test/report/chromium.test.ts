import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/corpus.js';
import { run } from '../helpers/project.js';

const CHROMIUM = process.env.STEWARD_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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
    appendFileSync(join(project, '.steward/history.jsonl'), JSON.stringify({ time: new Date(Date.now() + 86_400_000).toISOString(), staleFiles: 0, staleDocs: 2, unreleasedChanges: 3 }) + '\n');
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
      assert.equal(await page.locator('svg.trend-chart polyline').count() > 0, true);
      assert.deepEqual(requests, [], 'the report makes no network request');
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
});
