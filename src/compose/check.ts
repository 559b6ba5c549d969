import { mergeLintAndAudit } from '../audit/merge-lint.js';
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
  /** Wraps each step that runs (the CLI draws progress with it): `index` counts from 1 among the steps that run. */
  aroundStep?: <T>(step: { name: string; index: number; total: number }, run: () => Promise<T>) => Promise<T>;
}

/** What became of one step: skipped (not enabled), or ran with its findings and time. */
export type CheckStepSummary = { name: string; ran: false } | { name: string; ran: true; diagnostics: Diagnostic[]; ms: number };

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
  {
    name: 'docs --check',
    async run(config) {
      return { diagnostics: docsProject(config).diagnostics };
    },
  },
  {
    name: 'audit',
    async run(config) {
      return { diagnostics: auditDiagnostics(await auditProject(config)) };
    },
  },
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
  /** Every step's findings, in step order; a field lint and audit both report is one diagnostic with both reasons. */
  diagnostics: Diagnostic[];
  /** Source texts by shown path, for code frames. */
  sources: Map<string, string>;
  /** Every step in order: skipped, or ran with its findings and time. */
  steps: CheckStepSummary[];
  /** True when no finding is an error. */
  ok: boolean;
}

/** `steward check` as a function: every offline gate over a resolved configuration. */
export async function checkProject(config: ResolvedConfig, options: CheckOptions = {}): Promise<CheckResult> {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const steps: CheckStepSummary[] = [];
  const enabled = CHECK_STEPS.filter((step) => !step.enabled || step.enabled(options));
  for (const step of CHECK_STEPS) {
    if (!enabled.includes(step)) {
      steps.push({ name: step.name, ran: false });
      continue;
    }
    const started = performance.now();
    const run = () => step.run(config, options);
    const result = options.aroundStep
      ? await options.aroundStep({ name: step.name, index: enabled.indexOf(step) + 1, total: enabled.length }, run)
      : await run();
    steps.push({ name: step.name, ran: true, diagnostics: result.diagnostics, ms: performance.now() - started });
    diagnostics.push(...result.diagnostics);
    for (const [k, v] of result.sources ?? []) sources.set(k, v);
  }
  // One diagnostic per fact: a field lint and audit both report is reported once, with both reasons.
  const merged = mergeLintAndAudit(diagnostics);
  return { diagnostics: merged, sources, steps, ok: !merged.some((d) => d.severity === 'error') };
}
