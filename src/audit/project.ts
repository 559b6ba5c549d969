import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { StewardError } from '../errors/index.js';
import { loadMaster } from '../project/master.js';
import type { Schema } from '../schema/model.js';
import type { Claim } from './claims.js';
import { extractFiles } from './code/extract-files.js';
import { resolveCalls } from './code/resolve.js';
import { compareClaims } from './compare.js';
import type { Dto } from './code/dtos.js';
import { compareDtos } from './dto-compare.js';
import ignore from 'ignore';
import { DEFAULT_TEST_PATTERNS, untestedAdditions } from './coverage.js';
import { auditConfigOf, type AuditConfig } from './config.js';
import { discoverFiles } from './discover.js';
import { extractDocClaims } from './docs/extract.js';
import { isPlannedDoc } from './docs/status.js';
import { findingToDiagnostic, type Finding } from './finding.js';

export interface AuditResult {
  schema: Schema;
  findings: Finding[];
  /** Files that could not be read as claims (a `prisma` block that does not parse, a code syntax error). */
  problems: Diagnostic[];
  /** Every claim, for reports that list what matches. */
  claims: Claim[];
  files: { docs: string[]; code: string[] };
}

/** Reads the sources an audit compares (pure apart from reading files). */
export async function readAuditClaims(
  root: string,
  schema: Schema,
  config: AuditConfig,
): Promise<{ claims: Claim[]; problems: Diagnostic[]; files: { docs: string[]; code: string[] }; plannedDocs: Set<string>; dtos: Dto[] }> {
  const files = discoverFiles(root, config);
  const claims: Claim[] = [];
  const problems: Diagnostic[] = [];
  const plannedDocs = new Set<string>();
  for (const path of files.docs) {
    const text = readText(root, path);
    if (isPlannedDoc(text, config.plannedStatus)) plannedDocs.add(path);
    const extraction = extractDocClaims(path, text);
    for (const c of extraction.claims) claims.push(c);
    for (const p of extraction.problems)
      problems.push({ source: 'audit', code: 'unreadable-source', severity: 'warning', message: p.message, location: p.location });
  }
  const code = extractFiles(root, files.code, new Set(schema.models.map((m) => m.name)));
  for (const e of code.errors)
    problems.push({ source: 'audit', code: 'unreadable-source', severity: 'warning', message: `not parsed: ${e.message}`, location: e.location });
  // Large codebases make millions of claims: no spread into push (argument-count limit).
  for (const c of resolveCalls(schema, code.calls, code.computed, code.reads)) claims.push(c);
  return { claims, problems, files, plannedDocs, dtos: code.dtos };
}

/** `steward audit` as a library call: master + docs + code -> findings. Writes nothing. */
export async function auditProject(config: ResolvedConfig): Promise<AuditResult> {
  const audit = auditConfigOf(config.sections);
  const { schema } = loadMaster(config);
  const { claims, problems, files, plannedDocs, dtos } = await readAuditClaims(config.cwd, schema, audit);
  const environments = config.environments.filter((e) => !audit.environments || audit.environments.includes(e.name));
  const findings = [...compareClaims(schema, claims, { environments, severity: audit.severity, plannedDocs }), ...compareDtos(schema, dtos, audit.severity)];
  if (audit.coverage !== false) for (const f of await untestedSinceRelease(config, schema, files.code, audit)) findings.push(f);
  return { schema, findings, problems, claims, files };
}

/**
 * Models and fields added since the latest release tag that no test file mentions. Nothing
 * before the first release (every model would count as added), nor outside a git repository.
 */
async function untestedSinceRelease(config: ResolvedConfig, schema: Schema, code: readonly string[], audit: AuditConfig): Promise<Finding[]> {
  const { diffProject } = await import('../diff/project.js');
  let diff;
  try {
    diff = await diffProject(config, {});
  } catch (error) {
    // A release tag steward cannot read the master from is `steward diff`'s to report, not the audit's.
    if (error instanceof StewardError) return [];
    throw error;
  }
  if (!diff.latest) return [];
  const isTest = ignore().add(audit.tests ?? DEFAULT_TEST_PATTERNS);
  const tests = code.filter((p) => isTest.ignores(p)).map((path) => ({ path, text: readText(config.cwd, path) }));
  return untestedAdditions(schema, diff.changes, tests, diff.latest.tag, audit.severity);
}

export function auditDiagnostics(result: AuditResult): Diagnostic[] {
  return [...result.findings.map(findingToDiagnostic), ...result.problems];
}

function readText(root: string, path: string): string {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch (error) {
    throw new StewardError('FILE_UNREADABLE', `Cannot read ${path}: ${(error as Error).message}`, { location: { file: path } });
  }
}
