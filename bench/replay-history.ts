/**
 * The history benchmark's baseline, run as its own process: an empty PGlite (from the warm
 * dump, with the extensions the history creates) applies each migration.sql in order, one
 * script at a time, as `prisma migrate deploy` would. Usage: replay-history.js <migrations> <cacheDir>
 */
import { PgliteConnection } from '../src/engine/pglite-connection.js';
import { extensionNames, extensionsInHistory } from '../src/engine/pglite-extensions.js';
import { migrationScripts, readMigrationsList } from '../src/engine/migrations-list.js';

const [migrationsDir, cacheDir] = process.argv.slice(2);
const scripts = migrationScripts(await readMigrationsList(migrationsDir));
const connection = await PgliteConnection.scratch({ cacheDir }, extensionNames(extensionsInHistory(scripts)));
for (const { script } of scripts) await connection.executeScript(script);
await connection.close();
