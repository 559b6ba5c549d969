import type { DatabaseConnection } from '../engine/connection.js';
import type { DatabaseSchema } from './model.js';
import { readPostgresSchema } from './read-postgres.js';
import { readSqliteSchema } from './read-sqlite.js';

/** The structure of whatever database `connection` is open on. */
export function readDatabaseSchema(connection: DatabaseConnection, options: { namespace?: string } = {}): Promise<DatabaseSchema> {
  return connection.provider === 'postgresql' ? readPostgresSchema(connection, options.namespace) : readSqliteSchema(connection);
}
