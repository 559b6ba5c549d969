import { findingToJson, type Finding } from '../finding.js';

/** The `data` of `steward audit --format json`'s envelope: `{ "findings": [...] }`, each finding with its claims' sources. */
export function auditJsonData(findings: readonly Finding[]): { findings: Record<string, unknown>[] } {
  return { findings: findings.map(findingToJson) };
}
