// Build step: the empty PGlite cluster steward ships (dist/pglite/empty-<version>.tar.gz). A
// project's first scratch database restores it instead of running initdb and dumping the result,
// which is the largest memory peak (~900 MB) and ~2 s of a first `steward check` or `db drift`.
// Made once per PGlite version; a build that cannot make it warns and steward starts cold.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
const marker = `${sep}@electric-sql${sep}pglite${sep}`;
const version = JSON.parse(readFileSync(join(entry.slice(0, entry.lastIndexOf(marker) + marker.length), 'package.json'), 'utf8')).version;
const file = join(root, 'dist', 'pglite', `empty-${version}.tar.gz`);
if (existsSync(file)) process.exit(0);
try {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  await db.waitReady;
  const bytes = new Uint8Array(await (await db.dumpDataDir('gzip')).arrayBuffer());
  await db.close();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, bytes);
  renameSync(`${file}.${process.pid}.tmp`, file);
  console.log(`pglite: dist/pglite/empty-${version}.tar.gz (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`);
} catch (error) {
  console.warn(`warning: could not make the empty PGlite cluster (${error.message}); steward will start PGlite cold`);
}
