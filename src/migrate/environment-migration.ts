import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MigratableEnvironment } from './environment-schemas.js';
import type { PlannedRename } from './renames.js';

/** One environment's planned (and maybe written) migration: what createMigrations returns, and what a planner worker sends back. */
export interface EnvironmentMigration {
  env: string;
  provider: MigratableEnvironment['provider'];
  migrationsDir: string;
  /** `<timestamp>_<name>`; the same for every environment of one run. */
  directoryName: string;
  /** Empty when the history already matches the schema. */
  script: string;
  /**
   * The reverse (written as down.sql beside migration.sql): planned by the engine from the new
   * schema back to the history's state; the renames steward planned are renamed back (data kept).
   */
  downScript: string;
  renames: PlannedRename[];
  diagnostics: Diagnostic[];
  /** Absolute path of the written migration.sql, when written. */
  file?: string;
  /** Not planned: the history could not be replayed here (the reason is in `diagnostics`). */
  blocked?: boolean;
  /** Not written: the script drops what is probably renamed and nothing confirmed it (see `diagnostics`). */
  refused?: boolean;
}
