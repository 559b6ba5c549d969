import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/corpus.js';
import { checkErrors, run, snapshot } from '../helpers/project.js';

function blog(): string {
  const dir = mkdtempSync(join(tmpdir(), 'steward-docs-'));
  cpSync(join(repoRoot, 'test/fixtures/docs/blog'), dir, { recursive: true });
  return dir;
}

/** The table row of a field in a rendered section. */
function row(text: string, field: string): string[] {
  const line = text.split('\n').find((l) => l.startsWith(`| \`${field}\` |`));
  assert.ok(line, `no row for ${field}`);
  return line.slice(2, -2).split(' | ');
}

describe('steward docs', () => {
  it('--check reports stale sections at their marker, exit 1, and writes nothing', async () => {
    const dir = blog();
    const before = snapshot(dir);
    const r = await run(dir, 'docs', '--check');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /docs\/MODELS\.md:5:1 error The reference of model User is out of date/);
    assert.match(r.stdout, /docs\/MODELS\.md:16:1 error .*model Post/);
    assert.match(r.stdout, /docs\/MODELS\.md:22:1 error The schema reference/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('--write fills the sections from the master and environments; text outside markers is untouched', async () => {
    const dir = blog();
    const original = readFileSync(join(dir, 'docs/MODELS.md'), 'utf8');
    assert.equal((await run(dir, 'docs', '--write')).code, 0);
    const text = readFileSync(join(dir, 'docs/MODELS.md'), 'utf8');
    const outside = (t: string) => t.replace(/(<!-- steward:(model \w+|schema) -->)[\s\S]*?(<!-- \/steward:(model|schema) -->)/g, '$1$3');
    assert.equal(outside(text), outside(original));
    assert.ok(!text.includes('old hand-edited content'));

    // Header: one type column per environment.
    assert.match(text, /\| Field \| Type \(dev\) \| Type \(production\) \| Column \| Constraints \| Description \|/);
    assert.deepEqual(row(text, 'email'), ['`email`', '`String`', '`String @db.VarChar(320)`', '`email`', 'unique', 'Login e-mail, unique.']);
    // A list becomes Json in SQLite; a production-only field is absent from dev.
    assert.equal(row(text, 'tags')[1], '`Json`');
    assert.equal(row(text, 'tags')[2], '`String[]`');
    assert.deepEqual(row(text, 'search').slice(1, 3), ['—', '`Unsupported("tsvector")?`']);
    // Relations: the FK column and the relation field.
    assert.deepEqual(row(text, 'authorId').slice(3, 5), ['`author_id`', 'FK → User.id; indexed (authorId, title)']);
    assert.equal(row(text, 'author')[3], '—');
    assert.match(row(text, 'author')[4], /via authorId, on delete SetNull/);
    // Per-environment defaults are labelled with their environment.
    assert.match(row(text, 'id')[4], /primary key; default uuid\(\) \(dev only\); default dbgenerated\("gen_random_uuid\(\)"\) \(production only\)/);
    // Trailing // comments serve as the description; annotations never show.
    assert.equal(row(text, 'bio')[5], 'shown on the profile page');
    assert.ok(!text.includes('@steward.only'));

    // The schema section: a Mermaid ER diagram with every relationship kind.
    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    assert.match(mermaid, /^erDiagram/);
    assert.match(mermaid, /User \|\|--o\| Profile : "user"/);
    assert.match(mermaid, /User \|o--o\{ Post : "author"/);
    assert.match(mermaid, /Post \}o--o\{ Tag : "tags"/);
    assert.match(mermaid, /User \}o--o\{ User : "follows"/);
    assert.match(mermaid, /String userId PK,FK\n/);
    assert.match(mermaid, /String userId PK\n/);
    assert.deepEqual(row(text, 'postId').slice(3, 5), ['`post_id`', 'primary key (userId, postId)']);
    assert.match(row(text, 'name')[4], /^unique \(name, scope\)$/);
    assert.match(text, /\| Like \| `likes` \| 2 \| all \| A like, keyed by who and what\. \|/);

    // Idempotent: a second run changes nothing, and check passes.
    const after = snapshot(dir);
    assert.equal((await run(dir, 'docs', '--write')).code, 0);
    assert.deepEqual(snapshot(dir), after);
    assert.equal((await run(dir, 'docs', '--check')).code, 0);
    assert.ok(
      (await checkErrors(dir)).errors.some((e) => e.startsWith('generate/output-missing')),
      'environment files are not generated yet',
    );
    assert.equal((await run(dir, 'generate')).code, 0);
    assert.deepEqual((await checkErrors(dir)).errors, []);
  });

  it('a master change makes `steward check` fail on the docs step until docs --write', async () => {
    const dir = blog();
    await run(dir, 'generate');
    await run(dir, 'docs', '--write');
    const master = join(dir, 'prisma/schema.master.prisma');
    writeFileSync(master, readFileSync(master, 'utf8').replace('  title    String\n', '  title    String\n  summary  String?\n'));
    await run(dir, 'generate');
    const check = await checkErrors(dir);
    assert.equal(check.code, 1);
    assert.deepEqual(
      check.errors.filter((e) => e.startsWith('docs/')).map((e) => e.split(' ').slice(0, 2).join(' ')),
      ['docs/docs-stale docs/MODELS.md:31', 'docs/docs-stale docs/MODELS.md:47'],
    );
    await run(dir, 'docs', '--write');
    assert.match(readFileSync(join(dir, 'docs/MODELS.md'), 'utf8'), /\| `summary` \| `String\?` \| `String\?` \| `summary` \|/);
    assert.deepEqual((await checkErrors(dir)).errors, []);
  });

  it('an unknown model or a broken marker is an error with its location; the file is not rewritten', async () => {
    const dir = blog();
    const file = join(dir, 'docs/MODELS.md');
    const broken = readFileSync(file, 'utf8').replace('<!-- steward:model Post -->', '<!-- steward:model Pots -->') + '\n<!-- steward:model User -->\n';
    writeFileSync(file, broken);
    const r = await run(dir, 'docs', '--write');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /MODELS\.md:16:1 error steward:model Pots: the master schema has no model/);
    assert.match(r.stdout, /docs-marker-unclosed/);
    assert.equal(readFileSync(file, 'utf8'), broken);
  });

  it('docs.files restricts the scan; unknown keys are configuration errors', async () => {
    const dir = blog();
    writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ docs: { files: ['README.md'] } }));
    const r = await run(dir, 'docs', '--check');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /No steward sections found/);
    writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ docs: { file: ['x'] } }));
    const bad = await run(dir, 'docs');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /docs\.file: unknown key/);
  });

  it('the bundled example keeps docs/SCHEMA_REFERENCE.md current', async () => {
    const r = await run(join(repoRoot, 'examples/messaging-api'), 'docs', '--check', '--format', 'json');
    assert.equal(r.code, 0, r.stdout);
    const out = (JSON.parse(r.stdout) as { data: { files: { path: string; status: string }[] } }).data;
    assert.deepEqual(
      out.files.map((f) => `${f.path} ${f.status}`),
      ['docs/SCHEMA_REFERENCE.md up-to-date'],
    );
  });
});
