import { CHECK_STEPS, type CheckStepSummary, checkProject } from '../../compose/check.js';
import { ExitCode } from '../../errors/index.js';
import type { Command } from '../command.js';

/** `  ✓ lint  passed  0 findings  0.3s`: one line per step, skipped steps included. Pure. */
export function renderStepSummary(steps: readonly CheckStepSummary[]): string {
  const width = Math.max(...steps.map((s) => s.name.length));
  const lines = steps.map((s) => {
    const name = s.name.padEnd(width);
    if (!s.ran) return `  - ${name}  skipped`;
    const errors = s.diagnostics.filter((d) => d.severity === 'error').length;
    const others = s.diagnostics.length - errors;
    const findings =
      s.diagnostics.length === 0
        ? 'no findings'
        : [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', others ? `${others} other finding${others === 1 ? '' : 's'}` : '']
            .filter(Boolean)
            .join(', ');
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
    // Loaded here: database-options.ts reads the drift module, which a clean check may never need.
    const [{ parseShadowUrl }, { withElapsed }] = await Promise.all([import('./database-options.js'), import('../../progress/elapsed.js')]);
    const result = await checkProject(config, {
      since: args.values.since as string | undefined,
      shadowUrl: parseShadowUrl(args.values['shadow-url']),
      verify: args.values.verify === true,
      aroundStep: (step, run) =>
        withElapsed(ctx.progress, `check ${step.index}/${step.total}`, (task) => {
          task.step(step.name);
          return run();
        }),
    });
    // JSON's data: what ran, with counts (the diagnostics themselves are the envelope's); no
    // times, so that the same project gives the same output.
    const steps =
      ctx.format === 'json'
        ? result.steps.map((s) =>
            s.ran
              ? { name: s.name, ran: true, errors: s.diagnostics?.filter((d) => d.severity === 'error').length ?? 0, diagnostics: s.diagnostics?.length ?? 0 }
              : { name: s.name, ran: false },
          )
        : undefined;
    ctx.report(result.diagnostics, { sources: result.sources, extra: steps && { steps } });
    // Text output ends with what ran: one line per step (machine formats stay as they are).
    if (ctx.format === 'text') ctx.stdout(renderStepSummary(result.steps));
    return result.ok ? ExitCode.Ok : ExitCode.Findings;
  },
};
