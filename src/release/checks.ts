import type { ResolvedConfig } from '../config/types.js';
import type { ReleaseCheckName } from '../diff/config.js';
import { dirtyPaths } from '../diff/git.js';
import { generateProject, staleDiagnostics } from '../project/environments.js';
import { validateProject } from '../project/validate.js';
import { auditDiagnostics, auditProject } from '../audit/project.js';
import { lintProject } from '../project/lint.js';

/** A refusal of `steward release`: why, in one line per problem. */
export interface ReleaseCheckResult {
  problems: string[];
  /** Set when the check could not run (the capability is not available). */
  skipped?: string;
}

export interface ReleaseCheck {
  name: ReleaseCheckName;
  run(config: ResolvedConfig, root: string): Promise<ReleaseCheckResult>;
}

/**
 * What must hold before a schema version is tagged. One entry per check; `changes.releaseChecks`
 * in the configuration picks which run.
 */
export const RELEASE_CHECKS: ReleaseCheck[] = [
  {
    name: 'clean',
    async run(_config, root) {
      const dirty = dirtyPaths(root);
      return {
        problems: dirty.length
          ? [`the working tree has uncommitted changes: ${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ` and ${dirty.length - 5} more` : ''}`]
          : [],
      };
    },
  },
  {
    name: 'generate',
    async run(config) {
      const stale = staleDiagnostics((await generateProject(config, { check: true, trustHeaders: true })).stale);
      return { problems: stale.map((d) => `environment file ${d.message}`) };
    },
  },
  {
    name: 'validate',
    async run(config) {
      const errors = validateProject(config).diagnostics.filter((d) => d.severity === 'error');
      return {
        problems: errors.map((d) => `Prisma rejects ${d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : 'a schema'}: ${d.message}`),
      };
    },
  },
  {
    name: 'lint',
    async run(config) {
      const errors = (await lintProject(config)).diagnostics.filter((d) => d.severity === 'error');
      return { problems: errors.map((d) => `${d.location ? `${d.location.file}:${d.location.line}: ` : ''}${d.message} [${d.code}]`) };
    },
  },
  {
    name: 'audit',
    async run(config) {
      const errors = auditDiagnostics(await auditProject(config)).filter((d) => d.severity === 'error');
      return { problems: errors.map((d) => `${d.location ? `${d.location.file}:${d.location.line}: ` : ''}${d.message}`) };
    },
  },
];
