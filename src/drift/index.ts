export { checkDrift, checkDriftFleet, DEFAULT_DRIFT_TIMEOUT_MS, type DriftResult, type DriftStatus, type DriftOptions } from './check-drift.js';
export { driftForEnvironment, driftDiagnostics, environmentDrift, type EnvironmentDrift } from './drift-environment.js';
export { compareSchemas } from './compare.js';
export { DRIFT_CODES, type DriftCode, type DriftFinding } from './codes.js';
export { driftMessage } from './message.js';
export { expectedDatabaseSchema } from './expected-schema.js';
export { readDatabaseSchema } from '../database/read-schema.js';
export type { DatabaseSchema, DatabaseTable, DatabaseColumn, DatabaseIndex, DatabaseForeignKey, DatabaseEnum } from '../database/model.js';
