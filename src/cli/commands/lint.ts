import { ExitCode } from '../../errors/index.js';
import { lintProject } from '../../project/lint.js';
import type { Command } from '../command.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: "Lint the master schema: the specification's rules and prisma-lint's, with fixes",
  usage: 'steward lint [schema...] [--fix | --fix-dry-run] [--baseline <file> [--update-baseline]]',
  help: [
    '  schema...            lint these files or folders instead of the master',
    '  --fix                apply every safe fix (written only if Prisma still validates the schema)',
    '  --fix-dry-run        print the fixes as a diff; write nothing',
    '  --baseline <file>    hide findings recorded in <file>; creates it when missing',
    '  --update-baseline    rewrite the baseline with today\'s findings',
    '  Rules, presets and options: docs/lint.md. A .prismalintrc.json is read too.',
  ].join('\n'),
  options: { fix: { type: 'boolean' }, 'fix-dry-run': { type: 'boolean' }, baseline: { type: 'string' }, 'update-baseline': { type: 'boolean' } },
  formats: ['text', 'json', 'github', 'sarif', 'markdown'],
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    const config = await ctx.config();
    const result = await lintProject(config, {
      paths: positionals,
      fix: values.fix === true,
      fixDryRun: values['fix-dry-run'] === true,
      baseline: values.baseline as string | undefined,
      updateBaseline: values['update-baseline'] === true,
    });
    const machine = ctx.format === 'json' || ctx.format === 'sarif';
    const note = (text: string) => (machine ? ctx.stderr(text) : ctx.stdout(text));
    if (result.diff !== undefined) ctx.stdout(result.diff || (machine ? '' : 'No fixes to apply.\n'));
    else if (values.fix === true && result.fixCount > 0) note(`Fixed ${result.fixCount} finding${result.fixCount === 1 ? '' : 's'} in ${result.fixedFiles.join(', ')}\n`);
    if (result.baselineWritten) note(`Baseline ${result.baselineWritten} written with ${result.baselineKnown} finding${result.baselineKnown === 1 ? '' : 's'}\n`);
    else if (result.baselineKnown) note(`${result.baselineKnown} finding${result.baselineKnown === 1 ? '' : 's'} known to the baseline not shown\n`);
    if (result.diff === undefined || !machine) ctx.report(result.diagnostics, { sources: result.sources });
    return result.diagnostics.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
  },
};
