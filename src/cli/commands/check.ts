import { auditDiagnostics, auditProject } from '../../audit/project.js';
import type { ResolvedConfig } from '../../config/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ExitCode } from '../../errors/index.js';
import { generateProject, staleDiagnostics } from '../../project/environments.js';
import { lintProject } from '../../project/lint.js';
import { validateProject } from '../../project/validate.js';
import { docsProject } from '../../docs/project.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';

export interface CheckStepResult {
  diagnostics: Diagnostic[];
  sources?: Map<string, string>;
}

/** One gate of `steward check`. Each capability adds its step here (one entry). */
export interface CheckStep {
  name: string;
  /** Runs only when this returns true (e.g. opt-in steps behind a flag). */
  enabled?: (args: ParsedArgs) => boolean;
  run(config: ResolvedConfig, ctx: CommandContext, args: ParsedArgs): Promise<CheckStepResult>;
}

export const CHECK_STEPS: CheckStep[] = [
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
  { name: 'audit', async run(config) { return { diagnostics: auditDiagnostics(await auditProject(config)) }; } },
  {
    name: 'lint',
    async run(config) {
      return lintProject(config);
    },
  },
  {
    name: 'migrate lint',
    async run(config, _ctx, args) {
      const [{ lintMigrationHistories }, { parseShadowUrl }] = await Promise.all([import('../../migrate/lint-history.js'), import('./database-options.js')]);
      return { diagnostics: await lintMigrationHistories(config, { since: args.values.since as string | undefined, shadowUrl: parseShadowUrl(args.values['shadow-url']) }) };
    },
  },
  {
    name: 'verify (with --verify)',
    enabled: (args) => args.values.verify === true,
    async run(config) {
      const [{ verifyProject }, { verifyDiagnostics }] = await Promise.all([import('../../verify/verify.js'), import('../../verify/report.js')]);
      return { diagnostics: verifyDiagnostics(await verifyProject(config), config.cwd) };
    },
  },
];

export type StepSummary = { name: string; ran: false } | { name: string; ran: true; diagnostics: Diagnostic[]; ms: number };

/** `  ✓ lint  passed  0 findings  0.3s`: one line per step, skipped steps included. Pure. */
export function renderStepSummary(steps: readonly StepSummary[]): string {
  const width = Math.max(...steps.map((s) => s.name.length));
  const lines = steps.map((s) => {
    const name = s.name.padEnd(width);
    if (!s.ran) return `  - ${name}  skipped`;
    const errors = s.diagnostics.filter((d) => d.severity === 'error').length;
    const others = s.diagnostics.length - errors;
    const findings = s.diagnostics.length === 0 ? 'no findings' : [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', others ? `${others} other finding${others === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
    return `  ${errors ? '✗' : '✓'} ${name}  ${errors ? 'failed' : 'passed'}  ${findings}  ${(s.ms / 1000).toFixed(1)}s`;
  });
  return `\nsteps:\n${lines.join('\n')}\n`;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'The offline CI gate: every check steward has (generate --check, validate, ...)',
  usage: 'steward check [--verify] [--since <git ref>] [--shadow-url <url>]',
  help: `  Steps: ${CHECK_STEPS.map((s) => s.name).join(', ')}`,
  options: { verify: { type: 'boolean' }, since: { type: 'string' }, 'shadow-url': { type: 'string' } },
  formats: ['text', 'json', 'github', 'sarif', 'markdown'],
  async run(ctx, args) {
    const config = await ctx.config();
    const diagnostics: Diagnostic[] = [];
    const sources = new Map<string, string>();
    const summary: StepSummary[] = [];
    const steps = CHECK_STEPS.filter((step) => !step.enabled || step.enabled(args));
    const { withElapsed } = await import('../../progress/elapsed.js');
    for (const step of CHECK_STEPS) {
      if (!steps.includes(step)) {
        summary.push({ name: step.name, ran: false });
        continue;
      }
      const started = performance.now();
      const result = await withElapsed(ctx.progress, `check ${steps.indexOf(step) + 1}/${steps.length}`, (task) => {
        task.step(step.name);
        return step.run(config, ctx, args);
      });
      summary.push({ name: step.name, ran: true, diagnostics: result.diagnostics, ms: performance.now() - started });
      diagnostics.push(...result.diagnostics);
      for (const [k, v] of result.sources ?? []) sources.set(k, v);
          }
    ctx.report(diagnostics, { sources });
    // Text output ends with what ran: one line per step (machine formats stay as they are).
    if (ctx.format === 'text') ctx.stdout(renderStepSummary(summary));
    return diagnostics.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
  },
};
