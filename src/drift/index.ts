export { checkDrift, checkDriftFleet, DEFAULT_DRIFT_TIMEOUT_MS, type DriftResult, type DriftStatus, type DriftOptions } from './check-drift.js';
export { driftForEnvironment, driftDiagnostics, environmentDrift, type EnvironmentDrift } from './drift-environment.js';
export { compareSchemas } from '../catalog/compare.js';
export { DRIFT_CODES, findingObject, type DriftCode, type DriftFinding } from '../catalog/codes.js';
export { applyAcknowledgements } from './acknowledge.js';
export type { AcknowledgedFinding } from './check-drift.js';
export type { DriftAcknowledgement, DriftConfig } from './config.js';
export { fixScript, writeFixMigration, type FixMigration } from './fix-migration.js';
export { sqlObjectFiles, type SqlObjectFile } from '../catalog/sql-objects.js';
export { driftMessage } from './message.js';
export { expectedDatabaseSchema } from '../catalog/expected-schema.js';
export { readDatabaseSchema } from '../database/read-schema.js';
export type {
  DatabaseSchema,
  DatabaseTable,
  DatabaseColumn,
  DatabaseIndex,
  DatabaseForeignKey,
  DatabaseEnum,
  DatabaseConstraint,
  DatabaseTrigger,
  DatabasePolicy,
  DatabaseView,
  DatabaseFunction,
  DatabaseSequence,
} from '../database/model.js';
