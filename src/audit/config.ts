import type { ConfigProblems } from '../config/check-value.js';
import { join } from '../config/check-value.js';
import { FINDING_KINDS, type FindingKind, type SeveritySetting } from './finding.js';

/** The `audit` section of steward.config.*. */
export interface AuditConfig {
  /** Markdown files to read, as gitignore-style patterns relative to the project. Default: every `*.md`. */
  docs?: string[];
  /** Code files to read. Default: every .ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs file. */
  code?: string[];
  /** Patterns never read, on top of .gitignore, node_modules, build output and generated clients. */
  exclude?: string[];
  /** Severity per finding kind, or 'off'. */
  severity?: Partial<Record<FindingKind, SeveritySetting>>;
  /** Environments checked for env-incompatible features. Default: all. */
  environments?: string[];
  /** Status words (front matter `status:` or a `Status:` line) that mark a doc as planned work. Default: draft, planned, proposal, proposed, rfc, wip, to do, todo, idea, future. */
  plannedStatus?: string[];
  /** Test files, as gitignore-style patterns among the code files: new fields no test mentions are reported. Default: `*.test.*`, `*.spec.*`, `test/`, `tests/`, `__tests__/`, `e2e/`. */
  tests?: string[];
  /** Report models and fields added since the last release tag that no test mentions (`untested`). Default: true. */
  coverage?: boolean;
}

export const AUDIT_CONFIG_KEYS = ['docs', 'code', 'exclude', 'severity', 'environments', 'plannedStatus', 'tests', 'coverage'] as const;

export function validateAuditConfig(value: unknown, problems: ConfigProblems, path: string): void {
  if (!problems.object(path, value)) return;
  problems.knownKeys(path, value, AUDIT_CONFIG_KEYS);
  for (const key of ['docs', 'code', 'exclude', 'environments', 'plannedStatus', 'tests'] as const) {
    if (value[key] !== undefined) problems.stringArray(join(path, key), value[key]);
  }
  if (value.coverage !== undefined) problems.boolean(join(path, 'coverage'), value.coverage);
  const severity = value.severity;
  if (severity !== undefined && problems.object(join(path, 'severity'), severity)) {
    problems.knownKeys(join(path, 'severity'), severity, FINDING_KINDS);
    for (const [kind, s] of Object.entries(severity)) {
      if ((FINDING_KINDS as readonly string[]).includes(kind))
        problems.oneOf(join(join(path, 'severity'), kind), s, ['error', 'warning', 'info', 'off'] as const);
    }
  }
}

export function auditConfigOf(sections: Record<string, unknown>): AuditConfig {
  return (sections.audit as AuditConfig | undefined) ?? {};
}
