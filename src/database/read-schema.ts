import type { DatabaseConnection } from '../engine/connection.js';
import { readCatalog } from '../providers/drivers.js';
import type { DatabaseSchema } from './model.js';

/** The structure of whatever database `connection` is open on, read by its provider's catalog reader. */
export function readDatabaseSchema(connection: DatabaseConnection, options: { namespace?: string } = {}): Promise<DatabaseSchema> {
  return readCatalog(connection, options);
}
