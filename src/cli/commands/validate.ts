import { ExitCode } from '../../errors/index.js';
import { validateProject } from '../../project/validate.js';
import type { Command } from '../command.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: "Check the master and every environment schema with Prisma's own validator",
  usage: 'steward validate',
  help: [
    "  The master is judged by the validator of the project's Prisma major (prismaMajor: 5, 6 or 7);",
    '  datasource URLs of the other style and unknown preview features are accepted (as warnings).',
    '  Exit 2 when the master itself is invalid, 1 when an environment file is.',
  ].join('\n'),
  options: {},
  formats: ['text', 'json', 'github'],
  async run(ctx) {
    const config = await ctx.config();
    const result = validateProject(config);
    ctx.report(result.diagnostics, { sources: result.sources });
    // An invalid master is bad input, as in every other command that reads it.
    if (result.diagnostics.some((d) => d.severity === 'error' && d.env === undefined)) return ExitCode.Usage;
    return result.diagnostics.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
  },
};
