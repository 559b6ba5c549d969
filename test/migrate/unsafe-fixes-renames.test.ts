/**
 * Issue 13, done-when: `lint --fix --unsafe` on every schema in ../shared/corpus and
 * ../shared/realworld, followed by `migrate create`, writes no DROP of a column or table. The
 * unsafe fixes add or change `@map`/`@@map` (column and table renames): each must reach the
 * migration as a RENAME, in a PostgreSQL environment and, for SQLite masters and a representative
 * few PostgreSQL ones (SQLITE_TOO), in a SQLite one (where a table rebuild must copy every column).
 *
 * Each schema is the master of a throwaway git project: a baseline migration committed with it
 * (what the history was made from, previous-master.ts), then the fixes committed, then
 * `migrate create --name fixes`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
// Temp projects share the repository's warm PGlite cache (STEWARD_CACHE_DIR, set there).
import '../helpers/example-project.js';
import { extensionsImpliedBySchema } from '../../src/engine/pglite-extensions.js';
import { SCRATCH_EXTENSION_CODE } from '../../src/migrate/scratch-extensions.js';
import { detectPrismaMajor } from '../../src/project/prisma-version.js';
import { parseSchema } from '../../src/schema/parse.js';
import { datasourceProvider } from '../../src/schema/query.js';
import { corpusEntries, corpusSkip, realworldSchemas, type CorpusEntry } from '../helpers/corpus.js';
import { run, tempProject } from '../helpers/project.js';

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=steward', '-c', 'user.email=steward@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    stdio: 'ignore',
  });
}

function providerOf(entry: CorpusEntry): string | undefined {
  const provider = datasourceProvider(parseSchema(entry.files));
  return provider === 'postgres' ? 'postgresql' : provider;
}

/** Prisma refuses it too (see test/project/corpus-majors.test.ts): no baseline to start from. */
const REFUSED_BY_PRISMA = new Set(['corpus/vercel__examples__storage__postgres-pgvector__prisma__schema.prisma']);

/** PostGIS: PGlite lacks it, so the PostgreSQL environment is not planned (a located finding says so). */
const POSTGIS = new Set(['corpus/prisma__prisma-examples__typescript__postgis-express__prisma__schema.prisma']);

/**
 * The extensions a baseline needs on an empty database: those the master uses without declaring
 * them (@db.Citext, gin_trgm_ops...), which each app's own history creates by hand first.
 */
function extensionsFirst(script: string, entry: CorpusEntry): string {
  const names = new Set(extensionsImpliedBySchema(parseSchema(entry.files)).map((request) => request.name));
  if (/\b(geography|geometry)\b/.test(script)) names.add('postgis');
  return names.size === 0 ? script : `${[...names].map((name) => `CREATE EXTENSION IF NOT EXISTS "${name}";`).join('\n')}\n\n${script}`;
}

/** `migrate create --format json`: the envelope, its data the migrations. */
interface MigrationJson {
  data: {
    migrations: Array<{ env: string; provider: string; migration: string | null; script: string; renames: Array<{ kind: string; from: string; to: string }> }>;
  };
  diagnostics: Array<{ code: string; severity: string; message: string; env: string | null; file: string | null }>;
}

/**
 * PostgreSQL masters also checked in a generated SQLite environment: a representative few, since
 * SQLite re-reads its whole schema on every ALTER TABLE ... RENAME (~5-15 ms each on a 100-table
 * schema, so 800 renames take seconds). Chosen for what they exercise: model names renamed only in
 * case (typebot's Credentials -> credentials, ghostfolio's Analytics), a multi-schema master whose
 * schemas SQLite flattens (redwood), a realworld app (umami). SQLite masters always are (their own
 * environment).
 */
const SQLITE_TOO = new Set([
  'corpus/baptisteArno__typebot.io__packages__prisma__postgresql__schema.prisma',
  'corpus/zaiyou12__redwood-multi-schema__api__db__schema.prisma',
  'corpus/ghostfolio__ghostfolio__prisma__schema.prisma (= realworld/ghostfolio)',
  'corpus/umami-software__umami__prisma__schema.prisma (= realworld/umami)',
]);

/** The master as a project: `prisma/schema.prisma`, or `prisma/schema/` for a multi-file schema. */
function project(entry: CorpusEntry, provider: string): { dir: string; environments: string[] } {
  const dir = tempProject({});
  const folder = entry.files.length > 1 || entry.files[0].path.includes('/');
  const master = folder ? 'prisma/schema' : 'prisma/schema.prisma';
  for (const file of entry.files) {
    const target = folder ? join(dir, master, file.path.split('/').slice(1).join('/')) : join(dir, master);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  // The master's own environment is the master (an adopted app, docs/adopting.md); a PostgreSQL
  // environment is generated for other providers, and a SQLite one beside PostgreSQL masters.
  const environments: Record<string, { provider: string; output?: string; prismaConfig: false }> = {};
  if (provider === 'postgresql') environments.production = { provider, output: master, prismaConfig: false };
  else environments.production = { provider: 'postgresql', prismaConfig: false };
  if (provider === 'sqlite') environments.dev = { provider, output: master, prismaConfig: false };
  else if (provider === 'postgresql' && SQLITE_TOO.has(entry.name)) environments.dev = { provider: 'sqlite', prismaConfig: false };
  const { major } = detectPrismaMajor(dir, master);
  writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ master, prismaMajor: major, environments }, null, 2));
  return { dir, environments: Object.keys(environments) };
}

/** The history's migrations folder of an environment (migrations/<env> beside the master). */
function migrationFiles(dir: string, env: string): string[] {
  const root = join(dir, 'prisma', 'migrations', env);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, entry.name, 'migration.sql'));
}

/**
 * Every corpus and real-world schema once: a real-world app whose schema files are the same text
 * as a corpus entry (all seven today) is checked under the corpus name, with both names shown.
 */
function schemasOnce(): CorpusEntry[] {
  const byText = new Map<string, CorpusEntry>();
  const textOf = (entry: CorpusEntry) =>
    entry.files
      .map((file) => file.text)
      .sort()
      .join('\0');
  for (const entry of corpusEntries()) byText.set(textOf(entry), { ...entry, name: `corpus/${entry.name}` });
  for (const entry of realworldSchemas()) {
    const same = byText.get(textOf(entry));
    if (same) same.name = `${same.name} (= realworld/${entry.name})`;
    else byText.set(textOf(entry), { ...entry, name: `realworld/${entry.name}` });
  }
  return [...byText.values()].filter((entry) => providerOf(entry) !== 'mongodb' && !REFUSED_BY_PRISMA.has(entry.name));
}

const entries = schemasOnce();

describe('lint --fix --unsafe then migrate create: renames, never a dropped column or table', { skip: corpusSkip(), concurrency: 2 }, () => {
  it('the SQLite subset names schemas that are there', () => {
    for (const name of [...SQLITE_TOO, ...POSTGIS])
      assert.ok(
        entries.some((entry) => entry.name === name),
        name,
      );
  });
  for (const entry of entries) {
    it(entry.name, async (t) => {
      const { dir } = project(entry, providerOf(entry)!);
      const baseline = await run(dir, 'migrate', 'baseline', '--name', 'init');
      assert.equal(baseline.code, 0, `baseline: ${baseline.stdout}${baseline.stderr}`);
      for (const file of migrationFiles(dir, 'production')) writeFileSync(file, extensionsFirst(readFileSync(file, 'utf8'), entry));
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'baseline');

      const fix = await run(dir, 'lint', '--fix', '--unsafe');
      assert.ok(fix.code === 0 || fix.code === 1, `lint --fix --unsafe exited ${fix.code}: ${fix.stderr}`);
      git(dir, 'commit', '-q', '-a', '-m', 'lint --fix --unsafe');

      // --dry-run plans exactly what `migrate create` writes (and skips keeping the new state warm).
      const create = await run(dir, 'migrate', 'create', '--name', 'fixes', '--dry-run', '--format', 'json');
      assert.ok(create.code === 0 || create.code === 1, `migrate create exited ${create.code}: ${create.stdout}${create.stderr}`);
      const result = JSON.parse(create.stdout) as MigrationJson;
      const planned = result.data.migrations.filter((migration) => migration.migration !== null);
      t.diagnostic(`${planned.reduce((sum, migration) => sum + migration.renames.length, 0)} renames in ${planned.map((m) => m.env).join(', ')}`);
      const blocked = result.diagnostics.filter((d) => d.code === SCRATCH_EXTENSION_CODE).map((d) => `${d.env}: ${d.message}`);
      assert.deepEqual(
        blocked,
        POSTGIS.has(entry.name)
          ? [`production: Extension "postgis" is not available in steward's scratch database (PGlite): no migration was planned for this environment`]
          : [],
      );
      assert.ok(planned.length > 0 || POSTGIS.has(entry.name), `nothing planned: ${create.stdout}`);
      for (const migration of planned) {
        const { script } = migration;
        // SQLite rebuilds end with DROP TABLE "<t>" and rename "new_<t>" into its place: not a drop.
        const rebuilt = new Set([...script.matchAll(/ALTER TABLE "new_(.+?)" RENAME TO/g)].map((match) => match[1]));
        const drops = [...script.matchAll(/DROP TABLE ((?:"[^"]+"\.)?"([^"]+)")|DROP COLUMN "[^"]+"/g)].filter(
          (match) => match[2] === undefined || !rebuilt.has(match[2]),
        );
        assert.deepEqual(
          drops.map((match) => match[0]),
          [],
          `${migration.env} (${migration.provider}):\n${script.slice(0, 3000)}`,
        );
      }
      // drop-column also names the columns a SQLite rebuild leaves out. The rollback (down.sql)
      // drops what the fixes add, by design: only the forward migration must lose nothing.
      const forward = result.diagnostics.filter((d) => !d.file?.endsWith('down.sql'));
      for (const d of result.diagnostics) if (d.message.startsWith('rollback:')) assert.ok(d.file?.endsWith('down.sql'), `${d.message} is located in down.sql`);
      const lost = forward.filter((d) => d.code === 'drop-column' || d.code === 'drop-table');
      assert.deepEqual(
        lost.map((d) => `${d.env}: ${d.message}`),
        [],
      );
    });
  }
});
