import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyChangelog, parseChangelog, renderChangelog, withRelease, withUnreleased } from '../../src/changelog/document.js';
import { renderEntry } from '../../src/changelog/entry.js';
import { diffSchemas } from '../../src/diff/diff.js';
import { loadSchema } from '../../src/schema/load.js';
import { fixture } from '../diff/helpers.js';

const changes = diffSchemas(loadSchema(fixture('blog', 'before.prisma')), loadSchema(fixture('blog', 'after.prisma')));

test('the Unreleased section is generated, grouped by model, marked by severity, with migration links', () => {
  const text = renderChangelog(
    withUnreleased(
      emptyChangelog(),
      renderEntry({ since: 'schema-v1.0.0', changes, migrations: [{ env: 'dev', name: '20250101_blog', link: 'migrations/dev/20250101_blog/migration.sql' }] }),
    ),
  );
  assert.match(text, /^## Unreleased$/m);
  assert.match(text, /^### User$/m);
  assert.match(text, /🔴 breaking: field Post\.tagId removed/);
  assert.match(text, /\[20250101_blog\]\(migrations\/dev\/20250101_blog\/migration\.sql\)/);
  const users = text.indexOf('### User');
  const posts = text.indexOf('### Post');
  assert.ok(posts < users, 'models in alphabetical order');
});

test('rendering is idempotent and parse(render(x)) keeps every section', () => {
  const doc = withRelease(
    withUnreleased(emptyChangelog(), renderEntry({ changes, migrations: [] })),
    '1.0.0',
    '1.0.0 - 2025-01-01',
    renderEntry({ changes, migrations: [] }),
    renderEntry({ since: 'schema-v1.0.0', changes: [], migrations: [] }),
  );
  const once = renderChangelog(doc);
  const twice = renderChangelog(parseChangelog(once));
  assert.equal(twice, once);
  assert.deepEqual(
    parseChangelog(once).sections.map((s) => s.version ?? s.heading),
    ['Unreleased', '1.0.0'],
  );
});

test('hand-written notes inside a version section survive regeneration and release', () => {
  const initial = renderChangelog(withUnreleased(emptyChangelog(), renderEntry({ changes, migrations: [] })));
  const withNote = initial.replace('## Unreleased\n', '## Unreleased\n\nMigration plan: backfill `country` before deploying.\n');
  const released = renderChangelog(
    withRelease(
      parseChangelog(withNote),
      '2.0.0',
      '2.0.0 - 2025-02-01',
      renderEntry({ changes, migrations: [] }),
      renderEntry({ changes: [], migrations: [] }),
    ),
  );
  const section = released.slice(released.indexOf('## 2.0.0'));
  assert.match(section, /Migration plan: backfill `country` before deploying\./);
  const edited = released.replace('## 2.0.0 - 2025-02-01\n', '## 2.0.0 - 2025-02-01\n\nRolled out on 2 Feb.\n');
  const regenerated = renderChangelog(withUnreleased(parseChangelog(edited), renderEntry({ changes: changes.slice(0, 1), migrations: [] })));
  assert.match(regenerated, /Rolled out on 2 Feb\./);
  assert.match(regenerated, /Migration plan/);
  assert.equal(renderChangelog(parseChangelog(regenerated)), regenerated);
});
