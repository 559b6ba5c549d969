/**
 * prisma-steward as a library. The `steward` CLI only wraps these functions.
 */
export * from './errors/index.js';
export * from './schema/index.js';
export { applyEdits } from './schema/edits.js';
export * from './diagnostics/index.js';
export * from './config/index.js';
export * from './generate/index.js';
export { prismaValidate, prismaFormat, knownPreviewFeatures } from './prisma/schema-wasm.js';
export { loadMaster, type LoadedMaster } from './project/master.js';
export { generateProject, staleDiagnostics, changeDiagnostics, type GenerateOptions, type GenerateReport } from './project/environments.js';
export { validateProject, type ValidateResult } from './project/validate.js';
export { runCli, type RunOptions } from './cli/main.js';
export * from './lint/index.js';
