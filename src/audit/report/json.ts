import { findingToJson, type Finding } from '../finding.js';

/** `steward audit --format json`: `{ "findings": [...] }`. */
export function renderAuditJson(findings: readonly Finding[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ findings: findings.map(findingToJson), ...extra }, null, 2) + '\n';
}
