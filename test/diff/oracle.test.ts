import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffSchemas } from '../../src/diff/diff.js';
import type { SchemaChange } from '../../src/diff/codes.js';
import { transformForEnvironment } from '../../src/generate/transform.js';
import { readSchemaFiles } from '../../src/schema/load.js';
import { parseSchema } from '../../src/schema/parse.js';
import { corpusDir, fixture, repoRoot } from './helpers.js';
import { loadSchemaEngine } from './schema-engine.js';

/**
 * Oracle: Prisma's own schema engine diffs the same pair of schemas (as SQLite environment
 * schemas, which the engine diffs offline); every table, column and index it reports must be
 * among steward's changes.
 */
interface EngineItem {
  table: string;
  column?: string;
  index?: string;
  line: string;
}

function parseEngineSummary(summary: string): EngineItem[] {
  const items: EngineItem[] = [];
  let section: 'tables' | 'table' | undefined;
  let table = '';
  for (const line of summary.split('\n')) {
    let m: RegExpExecArray | null;
    if (/^\[[+-]\] (Added|Removed) tables$/.test(line)) section = 'tables';
    else if ((m = /^\[\*\] (?:Changed|Redefined) (?:the )?(?:table )?`([^`]+)`/.exec(line))) {
      section = 'table';
      table = m[1];
      items.push({ table, line });
    } else if (section === 'tables' && (m = /^ {2}- (.+)$/.exec(line))) items.push({ table: m[1].trim(), line });
    else if (section === 'table' && (m = /^ {2}\[.\] (?:Added|Removed|Altered) column `([^`]+)`/.exec(line))) items.push({ table, column: m[1], line });
    else if (section === 'table' && (m = /^ {2}\[.\] .*(index|foreign key|primary key).*$/i.exec(line))) items.push({ table, index: m[1].toLowerCase(), line });
  }
  return items;
}

const TABLE_CODES_FOR_INDEXES = /^(unique|compound-unique|index|primary-key|relation|back-relation|model|field)-/;

function covered(item: EngineItem, changes: SchemaChange[]): boolean {
  const onTable = changes.filter((c) => c.table === item.table || (c.before === item.table && /^model-|^table-renamed$/.test(c.code)));
  if (onTable.some((c) => c.code === 'model-added' || c.code === 'model-removed' || c.code === 'model-renamed' || c.code === 'table-renamed')) return true;
  if (item.column) return onTable.some((c) => c.column === item.column || (c.before === item.column && c.code === 'column-renamed'));
  if (item.index) return onTable.some((c) => TABLE_CODES_FOR_INDEXES.test(c.code));
  return onTable.length > 0;
}

function sqliteText(files: { path: string; text: string }[]): { text: string; files: { path: string; text: string }[] } {
  const schema = parseSchema(files);
  const out = transformForEnvironment(schema, { name: 'dev', provider: 'sqlite', prismaMajor: 7, urlEnv: 'DATABASE_URL' }).files;
  return { text: out.map((f) => f.text).join('\n'), files: out };
}

async function checkPair(
  from: { path: string; text: string }[],
  to: { path: string; text: string }[],
): Promise<{ items: EngineItem[]; missing: EngineItem[] }> {
  const a = sqliteText(from);
  const b = sqliteText(to);
  const engine = await loadSchemaEngine('sqlite');
  const summary = await engine.diff(a.text, b.text);
  const items = parseEngineSummary(summary);
  const changes = diffSchemas(parseSchema([{ path: 'from.prisma', text: a.text }]), parseSchema([{ path: 'to.prisma', text: b.text }]));
  return { items, missing: items.filter((i) => !covered(i, changes)) };
}

for (const name of ['blog', 'environments', 'provider']) {
  test(`oracle: Prisma's schema engine changes for fixture ${name} are among steward's`, async () => {
    const { items, missing } = await checkPair(
      readSchemaFiles(fixture(name, 'before.prisma'), repoRoot),
      readSchemaFiles(fixture(name, 'after.prisma'), repoRoot),
    );
    if (name === 'blog') assert.ok(items.length >= 8, `the engine should report many changes for ${name}, got ${items.length}`);
    assert.deepEqual(
      missing.map((m) => m.line),
      [],
    );
  });
}

test('oracle: dub, last single-file schema versus today', async (t) => {
  const corpus = corpusDir();
  const single = join(corpus, 'dubinc__dub__apps__web__prisma__schema.prisma');
  const folder = join(corpus, 'dubinc__dub__apps__web__prisma__schema');
  if (!existsSync(single) || !existsSync(folder)) return t.skip('corpus not available');
  const { items, missing } = await checkPair(readSchemaFiles(single), readSchemaFiles(folder));
  assert.ok(items.length > 50, `expected many engine changes, got ${items.length}`);
  assert.deepEqual(
    missing.map((m) => m.line),
    [],
  );
});

test('oracle: engine summary parser reads tables, columns and indexes', () => {
  const items = parseEngineSummary(
    '\n[+] Added tables\n  - Comment\n\n[*] Changed the `users` table\n  [-] Removed unique index on columns (email)\n  [+] Added column `the_age`\n\n[*] Redefined table `Post`\n',
  );
  assert.deepEqual(
    items.map((i) => [i.table, i.column ?? i.index ?? null]),
    [
      ['Comment', null],
      ['users', null],
      ['users', 'index'],
      ['users', 'the_age'],
      ['Post', null],
    ],
  );
});
