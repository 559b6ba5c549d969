import { CHECK_STEPS, checkProject } from '../../compose/check.js';
import { ExitCode } from '../../errors/index.js';
import type { Command } from '../command.js';

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
    const { parseShadowUrl } = await import('./database-options.js');
    const result = await checkProject(config, {
      since: args.values.since as string | undefined,
      shadowUrl: parseShadowUrl(args.values['shadow-url']),
      verify: args.values.verify === true,
    });
    ctx.report(result.diagnostics, { sources: result.sources });
    return result.ok ? ExitCode.Ok : ExitCode.Findings;
  },
};
