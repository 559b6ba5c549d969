import { mergeLintAndAudit } from '../../audit/merge-lint.js';
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
    for (const step of CHECK_STEPS) {
      if (step.enabled && !step.enabled(args)) continue;
      const result = await step.run(config, ctx, args);
      diagnostics.push(...result.diagnostics);
      for (const [k, v] of result.sources ?? []) sources.set(k, v);
    }
    // One diagnostic per fact: a field lint and audit both report is reported once, with both reasons.
    ctx.report(mergeLintAndAudit(diagnostics), { sources });
    return diagnostics.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
  },
};
