import type { MigrationRule } from '../rule.js';
import { lockedExistingTable } from '../locks.js';

/**
 * The outage a fast DDL statement causes is rarely its own: it waits in the lock queue behind a
 * long transaction, and every query on the table queues behind it. lock_timeout bounds that wait.
 * One finding per migration, at its first statement that locks a table it did not create.
 */
export const missingLockTimeout: MigrationRule<'missing-lock-timeout'> = {
  code: 'missing-lock-timeout',
  severity: 'warning',
  reason:
    'A statement waiting for its lock behind a long-running query makes every later query on the table wait too: without lock_timeout a 1 ms ALTER can stall the application for minutes.',
  recipe:
    "Start the migration with SET lock_timeout = '5s'; (a failed attempt rolls back and can simply be retried), or set migrate.lockTimeout in steward.config and migrate create writes it.",
  providers: ['postgresql'],
  check({ statements, createdTables }) {
    for (const statement of statements) {
      if (/^SET\s+(?:LOCAL\s+)?lock_timeout\b/i.test(statement.text)) return [];
      const locked = lockedExistingTable(statement.text, createdTables);
      if (locked !== undefined) return [{ line: statement.line, table: locked.table, message: `locks ${locked.subject} with no lock_timeout set before` }];
    }
    return [];
  },
};
