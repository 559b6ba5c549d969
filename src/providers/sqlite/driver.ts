/** SQLite's driver half: files and scratch files through libsql (imported when first used: it costs about 200 ms to load). */
import { existsSync } from 'node:fs';
import { readSqliteSchema } from '../../database/read-sqlite.js';
import { missingDatabase, type ProviderDriver } from '../driver.js';

const sqlite = () => import('../../engine/sqlite-connection.js');

export const sqliteDriver: ProviderDriver<'sqlite'> = {
  async open(location, options) {
    // Opening a missing SQLite file would create it: a read must not.
    if (options.readOnly && !existsSync(location.file)) throw missingDatabase(`SQLite file ${location.file} does not exist`);
    return (await sqlite()).SqliteConnection.open(location.file, { readOnly: options.readOnly });
  },
  async scratch() {
    return (await sqlite()).SqliteConnection.scratch();
  },
  readCatalog(connection) {
    return readSqliteSchema(connection);
  },
  async hasTable(connection, name) {
    const rows = await connection.query(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [name]);
    return rows.length > 0;
  },
};
