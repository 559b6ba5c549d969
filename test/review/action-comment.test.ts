import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { fixtureRepository } from '../helpers/review-fixture.js';
import { repoRoot } from '../helpers/corpus.js';

const SCRIPT = join(repoRoot, 'scripts', 'review-comment.mjs');
const TOKEN = 'ghs_fixtureTokenThatMustNeverBePrinted123';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body?: { body: string };
}

/** A local HTTP server playing the GitHub REST API's issue comments. */
async function fakeGitHub(options: { failWith?: number } = {}) {
  const comments: { id: number; body: string; html_url: string }[] = [{ id: 1, body: 'LGTM from a human', html_url: 'h/1' }];
  const seen: Seen[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((done) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => done(text));
    });
  const server = createServer(async (req, res) => {
    const text = await read(req);
    seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body: text ? JSON.parse(text) : undefined });
    const json = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (options.failWith) return json(options.failWith, { message: `Bad credentials for ${req.headers.authorization}` });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(401, { message: 'Bad credentials' });
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && (m = /^\/repos\/octo\/app\/issues\/7\/comments\?per_page=100&page=(\d+)$/.exec(req.url!)))
      return json(200, m[1] === '1' ? comments : []);
    if (req.method === 'POST' && req.url === '/repos/octo/app/issues/7/comments') {
      const c = { id: 100 + comments.length, body: JSON.parse(text).body, html_url: `h/${100 + comments.length}` };
      comments.push(c);
      return json(201, c);
    }
    if (req.method === 'PATCH' && (m = /^\/repos\/octo\/app\/issues\/comments\/(\d+)$/.exec(req.url!))) {
      const c = comments.find((x) => x.id === Number(m![1]));
      if (!c) return json(404, { message: 'Not Found' });
      c.body = JSON.parse(text).body;
      return json(200, c);
    }
    json(404, { message: 'Not Found' });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, comments, seen, close: () => new Promise<void>((done) => server.close(() => done())) };
}

function runScript(api: string, file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [SCRIPT, file],
      { env: { PATH: process.env.PATH, GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'octo/app', PR_NUMBER: '7', GITHUB_API_URL: api } },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('action.yml: the review comment script against a local GitHub API', () => {
  it('creates the comment, then updates the same one; the token is sent, never printed', async () => {
    const gh = await fakeGitHub();
    const dir = mkdtempSync(join(tmpdir(), 'steward-comment-'));
    try {
      const review = readFileSync(join(repoRoot, 'test', 'fixtures', 'review', 'comment.md'), 'utf8');
      writeFileSync(join(dir, 'one.md'), review);
      const first = await runScript(gh.url, join(dir, 'one.md'));
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /^created comment 101: h\/101\n$/);
      assert.equal(gh.comments.length, 2);
      assert.equal(gh.comments[1].body, review);

      writeFileSync(join(dir, 'two.md'), review.replace('6 changes', '7 changes'));
      const second = await runScript(gh.url, join(dir, 'two.md'));
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /^updated comment 101: h\/101\n$/);
      assert.equal(gh.comments.length, 2, 'no second comment');
      assert.match(gh.comments[1].body, /7 changes/);
      assert.equal(gh.comments[0].body, 'LGTM from a human', "other people's comments untouched");

      assert.deepEqual(
        gh.seen.map((s) => `${s.method} ${s.url}`),
        [
          'GET /repos/octo/app/issues/7/comments?per_page=100&page=1',
          'POST /repos/octo/app/issues/7/comments',
          'GET /repos/octo/app/issues/7/comments?per_page=100&page=1',
          'PATCH /repos/octo/app/issues/comments/101',
        ],
      );
      assert.ok(gh.seen.every((s) => s.authorization === `Bearer ${TOKEN}`));
      for (const out of [first.stdout, first.stderr, second.stdout, second.stderr]) assert.ok(!out.includes(TOKEN));
    } finally {
      await gh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an API error fails with its status and message, the token redacted even when the API echoes it', async () => {
    const gh = await fakeGitHub({ failWith: 401 });
    const dir = mkdtempSync(join(tmpdir(), 'steward-comment-'));
    try {
      writeFileSync(join(dir, 'c.md'), '<!-- steward-review -->\nhello\n');
      const r = await runScript(gh.url, join(dir, 'c.md'));
      assert.equal(r.code, 1);
      assert.match(r.stderr, /GET \/repos\/octo\/app\/issues\/7\/comments\?per_page=100&page=1: HTTP 401: Bad credentials for Bearer \*\*\*/);
      assert.ok(!r.stderr.includes(TOKEN) && !r.stdout.includes(TOKEN));
    } finally {
      await gh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("action.yml's steps, run as the runner runs them, on the fixture repository: the review is posted, then updated", async () => {
    const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
      runs: { using: string; steps: { name: string; run: string; env?: Record<string, string> }[] };
    };
    assert.equal(action.runs.using, 'composite');
    const [, review, comment] = action.runs.steps;
    // The steps' shell text has no ${{ }} expression: the inputs come in through env (set here as the runner would).
    for (const step of [review, comment]) assert.doesNotMatch(step.run, /\$\{\{/);
    const gh = await fakeGitHub();
    const repo = await fixtureRepository();
    const runner = mkdtempSync(join(tmpdir(), 'steward-runner-'));
    try {
      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_ACTION_PATH: repoRoot,
        RUNNER_TEMP: runner,
        GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
        GITHUB_OUTPUT: join(runner, 'output'),
        BASE: 'HEAD~1',
      };
      const bash = (script: string, extra: Record<string, string>) =>
        execFileSync('bash', ['-e', '-c', script], { cwd: repo, env: { ...env, ...extra }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      bash(review.run, {});
      const file = /^file=(.*)$/m.exec(readFileSync(join(runner, 'output'), 'utf8'))![1];
      const markdown = readFileSync(file, 'utf8');
      assert.equal(markdown, readFileSync(join(repoRoot, 'test', 'fixtures', 'review', 'comment.md'), 'utf8'));
      assert.equal(readFileSync(join(runner, 'summary.md'), 'utf8'), markdown);
      const commentEnv = { GITHUB_TOKEN: TOKEN, PR_NUMBER: '7', REVIEW_FILE: file, GITHUB_REPOSITORY: 'octo/app', GITHUB_API_URL: gh.url };
      // Asynchronous: the fake API answers from this process.
      const bashAsync = (script: string, extra: Record<string, string>) =>
        new Promise<string>((done, fail) =>
          execFile('bash', ['-e', '-c', script], { cwd: repo, env: { ...env, ...extra }, encoding: 'utf8' }, (error, stdout, stderr) =>
            error ? fail(new Error(stderr)) : done(stdout),
          ),
        );
      const first = await bashAsync(comment.run, commentEnv);
      const second = await bashAsync(comment.run, commentEnv);
      assert.match(first, /^created comment 101/);
      assert.match(second, /^updated comment 101/);
      assert.equal(gh.comments.length, 2);
      assert.equal(gh.comments[1].body, markdown);
      assert.ok(!first.includes(TOKEN) && !second.includes(TOKEN));
    } finally {
      await gh.close();
      rmSync(repo, { recursive: true, force: true });
      rmSync(runner, { recursive: true, force: true });
    }
  });
});
