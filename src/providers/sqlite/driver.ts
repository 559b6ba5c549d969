/** SQLite's driver half: files and scratch files through libsql. */
import { existsSync } from 'node:fs';
import { readSqliteSchema } from '../../database/read-sqlite.js';
import { SqliteConnection } from '../../engine/sqlite-connection.js';
import { missingDatabase, type ProviderDriver } from '../driver.js';

export const sqliteDriver: ProviderDriver<'sqlite'> = {
  open(location, options) {
    // Opening a missing SQLite file would create it: a read must not.
    if (options.readOnly && !existsSync(location.file)) throw missingDatabase(`SQLite file ${location.file} does not exist`);
    return SqliteConnection.open(location.file, { readOnly: options.readOnly });
  },
  scratch() {
    return SqliteConnection.scratch();
  },
  readCatalog(connection) {
    return readSqliteSchema(connection);
  },
  async hasTable(connection, name) {
    const rows = await connection.query(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [name]);
    return rows.length > 0;
  },
};
