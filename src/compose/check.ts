import { auditDiagnostics, auditProject } from '../audit/project.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { docsProject } from '../docs/project.js';
import { generateProject, staleDiagnostics } from '../project/environments.js';
import { lintProject } from '../project/lint.js';
import { validateProject } from '../project/validate.js';

export interface CheckOptions {
  /** Lint only the migrations a git ref (e.g. the pull request's base) does not have. */
  since?: string;
  /** A PostgreSQL server for histories that need an extension PGlite lacks. */
  shadowUrl?: string;
  /** Also run `verify` (Prisma Client generation, type-check, CRUD smoke tests): slow, opt-in. */
  verify?: boolean;
}

export interface CheckStepResult {
  diagnostics: Diagnostic[];
  /** Source texts by shown path, for code frames. */
  sources?: Map<string, string>;
}

/** One gate of `steward check`. Each capability that gates CI adds its step here (one entry). */
export interface CheckStep {
  name: string;
  /** Runs only when this returns true (opt-in steps behind an option). */
  enabled?: (options: CheckOptions) => boolean;
  run(config: ResolvedConfig, options: CheckOptions): Promise<CheckStepResult>;
}

export const CHECK_STEPS: readonly CheckStep[] = [
  {
    name: 'generate --check, validate',
    async run(config) {
      const generated = await generateProject(config, { check: true, trustHeaders: true });
      const validated = validateProject(config, { generated: generated.environments, current: generated.current });
      return { diagnostics: [...staleDiagnostics(generated.stale), ...validated.diagnostics], sources: validated.sources };
    },
  },
  { name: 'docs --check', async run(config) { return { diagnostics: docsProject(config).diagnostics }; } },
  { name: 'audit', async run(config) { return { diagnostics: auditDiagnostics(await auditProject(config)) }; } },
  { name: 'lint', run: (config) => lintProject(config) },
  {
    name: 'migrate lint',
    async run(config, options) {
      const { lintMigrationHistories } = await import('../migrate/lint-history.js');
      return { diagnostics: await lintMigrationHistories(config, { since: options.since, shadowUrl: options.shadowUrl }) };
    },
  },
  {
    name: 'verify (with --verify)',
    enabled: (options) => options.verify === true,
    async run(config) {
      const [{ verifyProject }, { verifyDiagnostics }] = await Promise.all([import('../verify/verify.js'), import('../verify/report.js')]);
      return { diagnostics: verifyDiagnostics(await verifyProject(config), config.cwd) };
    },
  },
];

export interface CheckResult {
  /** Every step's findings, in step order. */
  diagnostics: Diagnostic[];
  /** Source texts by shown path, for code frames. */
  sources: Map<string, string>;
  /** The steps that ran, by name. */
  steps: string[];
  /** True when no finding is an error. */
  ok: boolean;
}

/** `steward check` as a function: every offline gate over a resolved configuration. */
export async function checkProject(config: ResolvedConfig, options: CheckOptions = {}): Promise<CheckResult> {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const steps: string[] = [];
  for (const step of CHECK_STEPS) {
    if (step.enabled && !step.enabled(options)) continue;
    const result = await step.run(config, options);
    steps.push(step.name);
    diagnostics.push(...result.diagnostics);
    for (const [k, v] of result.sources ?? []) sources.set(k, v);
  }
  return { diagnostics, sources, steps, ok: !diagnostics.some((d) => d.severity === 'error') };
}
