import { relative } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { ChangeSeverity } from '../diff/codes.js';
import { diffProject } from '../diff/project.js';
import { repositoryRoot } from '../diff/git.js';
import { docsProject } from '../docs/project.js';
import { generateProject } from '../project/environments.js';
import { loadMaster } from '../project/master.js';
import { auditProject, type AuditResult } from '../audit/project.js';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lintProject } from '../project/lint.js';
import type { Progress } from '../progress/progress.js';
import { NO_PROGRESS } from '../progress/progress.js';
import type { Availability, StatusReport } from './types.js';

export interface StatusOptions {
  progress?: Progress;
  /** Clock, replaceable in tests. */
  now?: () => Date;
  /** An audit already run by the caller (the HTML report shows its findings too). */
  audit?: AuditResult;
  /** Lint diagnostics already computed by the caller. */
  lint?: Diagnostic[];
}

/**
 * Figures for `steward status`, one section per capability. A capability that is not part of
 * this build, or whose inputs are absent (no git repository), gives `available: false` with the
 * reason; a figure is never guessed.
 */
export async function collectStatus(config: ResolvedConfig, options: StatusOptions = {}): Promise<StatusReport> {
  const progress = options.progress ?? NO_PROGRESS;
  const task = progress.start('status', 6);
  const master = loadMaster(config, { validate: false }).schema;
  task.tick(1, 'environments');
  const generated = await generateProject(config, { check: true });
  const environments = generated.environments.map((e) => ({
    name: e.env.name,
    provider: e.env.provider,
    files: [e.schema, e.prismaConfig]
      .filter((f) => f !== undefined)
      .map((f) => {
        const path = relative(config.cwd, f!.path) || f!.path;
        const stale = generated.stale.find((s) => s.path === path);
        return { path, state: stale ? stale.reason : ('fresh' as const) };
      }),
  }));
  task.tick(1, 'docs');
  const docs = guard(() => {
    const report = docsProject(config, { master });
    const sections = report.files.reduce((n, f) => n + f.sections.length, 0);
    const stale = report.files.reduce((n, f) => n + f.sections.filter((s) => s.stale).length, 0);
    return { files: report.files.length, sections, stale };
  });
  task.tick(1, 'lint');
  const lint = await guardAsync(async () => countBySeverity(options.lint ?? (await lintProject(config)).diagnostics));
  task.tick(1, 'audit');
  const audit = await guardAsync(async () => {
    const result = options.audit ?? (await auditProject(config));
    const byModel: Record<string, number> = {};
    for (const f of result.findings) byModel[f.model] = (byModel[f.model] ?? 0) + 1;
    return { total: result.findings.length, byModel };
  });
  task.tick(1, 'release');
  const release = await releaseStatus(config);
  task.tick(1);
  task.done();
  return {
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    master: relative(config.cwd, config.master) || config.master,
    models: master.models.length,
    environments,
    docs,
    lint,
    audit,
    migrations: { available: false, reason: 'steward migrate is not part of this build yet' },
    release,
    drift: { available: false, reason: 'drift detection is not part of this build yet' },
  };
}

async function releaseStatus(config: ResolvedConfig): Promise<StatusReport['release']> {
  if (!repositoryRoot(config.cwd)) return { available: false, reason: 'not a git repository' };
  try {
    const diff = await diffProject(config);
    const bySeverity: Record<ChangeSeverity, number> = { breaking: 0, dangerous: 0, safe: 0 };
    for (const c of diff.changes) bySeverity[c.severity]++;
    return { available: true, value: { lastTag: diff.latest?.tag, unreleased: diff.changes.length, bySeverity } };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  }
}

async function guardAsync<T>(f: () => Promise<T>): Promise<Availability<T>> {
  try {
    return { available: true, value: await f() };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  }
}

function guard<T>(f: () => T): Availability<T> {
  try {
    return { available: true, value: f() };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  }
}
