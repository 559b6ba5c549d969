// Makes the README's screenshots (docs/images/): the HTML report of the example project and the
// review comment of the review fixture (test/fixtures/review/comment.md, the snapshot test's
// expected output) as GitHub shows markdown. Needs `npm run build` and Chromium
// (STEWARD_CHROMIUM, default /usr/bin/chromium):  node scripts/screenshots.mjs
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Marked } from 'marked';
import { chromium } from 'playwright-core';
import { runCli } from '../dist/src/cli/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const images = join(root, 'docs', 'images');
mkdirSync(images, { recursive: true });
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const profile = mkdtempSync(join(tmpdir(), 'steward-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.STEWARD_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: FLAGS,
  offline: true,
  viewport: { width: 1280, height: 1500 },
});
try {
  // 1. The report of the example (inside the repository so its config's import resolves).
  mkdirSync(join(root, '.test-output'), { recursive: true });
  const project = mkdtempSync(join(root, '.test-output', 'shots-'));
  cpSync(join(root, 'examples', 'messaging-api'), project, { recursive: true });
  const out = join(project, 'out', 'report.html');
  const code = await runCli(['report', '--html', out], {
    cwd: project,
    env: { ...process.env, NO_COLOR: '1' },
    stdout: () => {},
    stderr: (t) => process.stderr.write(t),
    isTTY: false,
  });
  if (code !== 0) throw new Error(`steward report exited ${code}`);
  const page = await context.newPage();
  await page.goto(pathToFileURL(out).href);
  await page.screenshot({ path: join(images, 'report.png') });
  rmSync(project, { recursive: true, force: true });

  // 2. The review comment, rendered as GitHub renders markdown (Mermaid stays a code block here:
  // GitHub draws it as a diagram).
  const md = readFileSync(join(root, 'test', 'fixtures', 'review', 'comment.md'), 'utf8');
  const body = new Marked({ gfm: true }).parse(md);
  const html = `<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:#fff;font:14px/1.5 -apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328}
.comment{max-width:900px;margin:20px auto;border:1px solid #d1d9e0;border-radius:6px}
.head{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;color:#59636e}.head b{color:#1f2328}
.body{padding:4px 16px 12px}h2{font-size:1.4em;border-bottom:1px solid #d1d9e0;padding-bottom:.3em}h3{font-size:1.15em;margin-top:20px}h4{font-size:1em}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#eff1f3;padding:.2em .4em;border-radius:6px}
pre{background:#f6f8fa;padding:12px;border-radius:6px;overflow:auto}pre code{background:none;padding:0}
details{margin:6px 0}summary{cursor:pointer}ul{padding-left:2em}li{margin:2px 0}
</style><div class="comment"><div class="head"><b>github-actions</b> bot commented</div><div class="body">${body}</div></div>`;
  const file = join(profile, 'comment.html');
  writeFileSync(file, html);
  await page.goto(pathToFileURL(file).href);
  await page.locator('.comment').screenshot({ path: join(images, 'review-comment.png') });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
