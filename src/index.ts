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
export { DIFF_CODES, DIFF_CODE_LIST, type DiffCode, type ChangeSeverity, type SchemaChange, type EnvironmentEffect, type Usage } from './diff/codes.js';
export { diffSchemas, type DiffOptions, type DiffEnvironment } from './diff/diff.js';
export { diffProject, type ProjectDiff, type ProjectDiffOptions } from './diff/project.js';
export { applyUsages, type CodeUsage, type UsageScanner } from './diff/usage.js';
export { updateChangelog, type ChangelogUpdate } from './changelog/changelog.js';
export { parseChangelog, renderChangelog } from './changelog/document.js';
export { releaseSchema, type ReleaseOptions, type ReleaseResult } from './release/release.js';
export { bumpFor, parseVersion, formatVersion } from './release/version.js';
export { docsProject, updateDocument, scanMarkers, maskGeneratedSections, buildSchemaReference, environmentSchemas, type DocsReport, type DocsConfig } from './docs/index.js';
export { buildErGraph, renderMermaidEr, renderErSvg, type ErGraph } from './diagram/index.js';
export { collectStatus, historyEntry, appendHistory, readHistory, parseHistory, historyPath, type StatusReport, type HistoryEntry } from './status/index.js';
export { collectReport, renderReportHtml, type ReportData } from './report/index.js';
export { initProject, planInit, findPrismaSchema, type InitResult } from './init/index.js';
export { generateOnChange, watchMaster } from './watch/index.js';
export { createProgress, progressWanted, NO_PROGRESS, type Progress, type ProgressTask } from './progress/progress.js';
export * from './engine/index.js';
export * from './migrate/index.js';
export * from './drift/index.js';
