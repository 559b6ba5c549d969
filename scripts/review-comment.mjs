#!/usr/bin/env node
// Posts `steward review`'s markdown as one pull-request comment, or updates the comment it
// posted before (found by the marker on its first line). Used by action.yml; plain Node 20
// (fetch), no dependency, so the action runs it without a build.
//
//   node scripts/review-comment.mjs <comment.md>
//
// Environment: GITHUB_TOKEN (never printed), GITHUB_REPOSITORY (owner/name), and the pull
// request number from PR_NUMBER or the event payload at GITHUB_EVENT_PATH; GITHUB_API_URL
// (default https://api.github.com, GitHub Enterprise and tests set it).
import { readFileSync } from 'node:fs';

const MARKER = '<!-- steward-review -->';

function fail(message) {
  process.stderr.write(`review-comment: ${redact(message)}\n`);
  process.exit(1);
}

function redact(text) {
  const token = process.env.GITHUB_TOKEN;
  return token ? String(text).split(token).join('***') : String(text);
}

const file = process.argv[2];
if (!file) fail('usage: review-comment.mjs <comment.md>');
const token = process.env.GITHUB_TOKEN;
if (!token) fail('GITHUB_TOKEN is not set (give the action `github-token`, with pull-requests: write)');
const repository = process.env.GITHUB_REPOSITORY;
if (!repository || !/^[^/]+\/[^/]+$/.test(repository)) fail('GITHUB_REPOSITORY must be owner/name');
let number = process.env.PR_NUMBER;
if (!number && process.env.GITHUB_EVENT_PATH) {
  const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
  number = String(event.pull_request?.number ?? event.issue?.number ?? '');
}
if (!number || !/^\d+$/.test(number)) fail('no pull request number (run on pull_request events, or set PR_NUMBER)');
let body = readFileSync(file, 'utf8');
if (!body.startsWith(MARKER)) body = `${MARKER}\n${body}`;
const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, '');

async function request(method, path, payload) {
  let response;
  try {
    response = await fetch(`${api}${path}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'prisma-steward-review',
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      body: payload ? JSON.stringify(payload) : undefined,
    });
  } catch (error) {
    fail(`${method} ${path}: ${error.cause?.message ?? error.message}`);
  }
  const text = await response.text();
  if (!response.ok) {
    let detail = text;
    try {
      detail = JSON.parse(text).message ?? text;
    } catch {}
    fail(`${method} ${path}: HTTP ${response.status}: ${detail}`);
  }
  return { data: text ? JSON.parse(text) : undefined, link: response.headers.get('link') ?? '' };
}

// The marker comment, if steward posted one already (every page of the conversation).
let existing;
for (let page = 1; page <= 50 && !existing; page++) {
  const { data, link } = await request('GET', `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`);
  existing = data.find((c) => typeof c.body === 'string' && c.body.startsWith(MARKER));
  if (!link.includes('rel="next"')) break;
}
if (existing) {
  const { data } = await request('PATCH', `/repos/${repository}/issues/comments/${existing.id}`, { body });
  process.stdout.write(`updated comment ${data.id}: ${data.html_url ?? ''}\n`);
} else {
  const { data } = await request('POST', `/repos/${repository}/issues/${number}/comments`, { body });
  process.stdout.write(`created comment ${data.id}: ${data.html_url ?? ''}\n`);
}
