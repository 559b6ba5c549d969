/**
 * Linear time on hostile input (issue 12): each case took seconds to minutes, or ran out of
 * memory, before. Bounds are generous (a shared two-core machine) and still far below the old times.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractDocClaims } from '../../src/audit/docs/extract.js';
import { modelFromHeading } from '../../src/audit/docs/heading.js';
import { isStewardError } from '../../src/errors/index.js';
import { parseSchema } from '../../src/schema/parse.js';
import { textReporter } from '../../src/diagnostics/reporters/text.js';
import { createStyle } from '../../src/diagnostics/style.js';
import { prismaValidate } from '../../src/prisma/schema-wasm.js';
import { blankDatasourceUrls } from '../../src/prisma/validator-input.js';

function timed<T>(bound: number, label: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < bound, `${label}: ${elapsed.toFixed(0)} ms (bound ${bound} ms)`);
  return result;
}

test('heading patterns are linear: numbering runs, space runs, suffix words', () => {
  timed(200, '## 1...1x (34 digits, 49 s before)', () => modelFromHeading(`## ${'1'.repeat(34)}x`));
  timed(200, 'a long digit run', () => modelFromHeading(`## ${'1.'.repeat(50_000)}x`));
  timed(500, 'model + spaces + a line break', () => modelFromHeading(`## model${' '.repeat(20_000)}\u2028${' '.repeat(20_000)}`));
  timed(500, 'the + spaces + no suffix', () => modelFromHeading(`## the a${' '.repeat(40_000)}x`));
});

test('heading patterns keep their meaning', () => {
  const cases: Array<[string, string | undefined, boolean?]> = [
    ['## Conversation', 'Conversation', false],
    ['## 3.2 Conversation', 'Conversation', false],
    ['## 1) Conversation', 'Conversation', false],
    ['## 3.2. `Conversation`', 'Conversation', true],
    ['## Model: Conversation', 'Conversation', true],
    ['## The Conversation model', 'Conversation', true],
    ['### **User** table', 'User', true],
    ['## Getting started', undefined],
    ['## model', undefined],
  ];
  for (const [heading, model, explicit] of cases) {
    const found = modelFromHeading(heading);
    assert.equal(found?.model, model, heading);
    if (model) assert.equal(found?.explicit, explicit, heading);
  }
});

test('blanking datasource URLs is linear, and still blanks them', () => {
  timed(1_000, '50,000 unclosed datasource blocks (28 s before)', () => blankDatasourceUrls('datasource db {\n'.repeat(50_000)));
  const schema = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n\n}\n\nmodel A {\n  url String @id\n}\n';
  const blanked = blankDatasourceUrls(schema);
  assert.equal(blanked.length, schema.length);
  assert.equal(blanked, schema.replace('url      = env("DATABASE_URL")', ' '.repeat(30)));
  assert.deepEqual(prismaValidate([{ path: 's.prisma', text: schema }], { allowDatasourceUrls: true }), []);
});

test('thousands of errors in one file are located from one line index', () => {
  const text = `datasource db {\n  provider = "postgresql"\n}\n\nmodel A {\n  id Int @id\n  x  Int ${'@unique '.repeat(2_000)}\n}\n`;
  const diagnostics = timed(20_000, '2,000 @unique', () => prismaValidate([{ path: 's.prisma', text }]));
  assert.ok(diagnostics.length > 0);
  for (const d of diagnostics) assert.equal(d.location?.line, 7);
});

test('code frames show a window of a long line, with the caret under the column', () => {
  const line = `${'a'.repeat(5_000)}X${'b'.repeat(5_000)}`;
  const out = textReporter([{ source: 'lint', code: 'require-id', severity: 'error', message: 'here', location: { file: 'f', line: 1, column: 5_001 } }], {
    style: createStyle(false),
    sources: new Map([['f', line]]),
  });
  const [frameLine, caretLine] = out.split('\n').filter((l) => l.includes(' | '));
  assert.ok(frameLine.length < 200, frameLine.length.toString());
  assert.equal(frameLine.indexOf('X'), caretLine.indexOf('^'));
});

test('values nested 6,000 deep are a located syntax error, not a stack overflow', () => {
  for (const open of ['[', 'f(']) {
    const text = `model A {\n  id Int @id @default(${open.repeat(6_000)})\n}\n`;
    assert.throws(
      () => parseSchema(text),
      (e: unknown) => isStewardError(e) && e.code === 'SCHEMA_SYNTAX' && e.location?.line === 2 && /nested more than \d+ levels/.test(e.message),
    );
  }
  assert.equal(parseSchema('model A {\n  id Int[] @id @default([[1], [2]])\n}\n').models.length, 1);
});

test('a 20 MB markdown paragraph and 50,000 nested quotes are read without a crash', () => {
  const paragraph = `# User\n\n${'word *a* '.repeat(2_300_000)}\n\n## Post model\n\n- \`title\` (String)\n`;
  const big = timed(10_000, '20 MB paragraph', () => extractDocClaims('docs/big.md', paragraph));
  assert.ok(
    big.claims.some((c) => c.kind === 'field' && c.field === 'title' && c.location.line === 7),
    JSON.stringify(big.claims.slice(0, 3)),
  );
  const deep = extractDocClaims('docs/deep.md', `${'>'.repeat(50_000)} x\n`);
  assert.deepEqual(
    deep.problems.map((p) => [p.location.file, p.location.line]),
    [['docs/deep.md', 1]],
  );
});
