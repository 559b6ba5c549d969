import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { describeFixKind, isSafeFixKind } from '../../diagnostics/fix-kind.js';
import { ExitCode } from '../../errors/index.js';
import { lintProject } from '../../project/lint.js';
import type { Command } from '../command.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: "Lint the master schema: the specification's rules and prisma-lint's, with fixes",
  usage: 'steward lint [schema...] [--fix | --fix-dry-run] [--unsafe] [--baseline <file> [--update-baseline]]',
  help: [
    '  schema...            lint these files or folders instead of the master',
    '  --fix                apply the safe fixes: schema-only, or purely additive in the database',
    '                       (written only if Prisma still validates the schema)',
    '  --unsafe             with --fix or --fix-dry-run: also the unsafe fixes (column and table renames)',
    '  --fix-dry-run        list safe and unsafe fixes with their migration statements, print the diff; write nothing',
    '  --baseline <file>    hide findings recorded in <file>; creates it when missing',
    "  --update-baseline    rewrite the baseline with today's findings",
    "  Rules, presets, options and each fix's kind: docs/lint.md. A .prismalintrc.json is read too.",
  ].join('\n'),
  options: {
    fix: { type: 'boolean' },
    'fix-dry-run': { type: 'boolean' },
    unsafe: { type: 'boolean' },
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean' },
  },
  formats: ['text', 'json', 'github', 'sarif', 'markdown'],
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    const config = await ctx.config();
    const unsafe = values.unsafe === true;
    const result = await lintProject(config, {
      paths: positionals,
      fix: values.fix === true,
      fixDryRun: values['fix-dry-run'] === true,
      unsafe,
      baseline: values.baseline as string | undefined,
      updateBaseline: values['update-baseline'] === true,
    });
    const machine = ctx.format === 'json' || ctx.format === 'sarif';
    const note = (text: string) => (machine ? ctx.stderr(text) : ctx.stdout(text));
    let extra: Record<string, unknown> | undefined;
    if (result.diff !== undefined && result.fixes) {
      if (ctx.format === 'json')
        extra = { fixes: { safe: result.fixes.safe.map(fixJson), unsafe: result.fixes.unsafe.map(fixJson) }, unsafeApplied: unsafe, diff: result.diff };
      else if (!machine) ctx.stdout(dryRunText(result.fixes, unsafe, result.diff));
    } else if (values.fix === true) {
      if (result.fixCount > 0) note(`Fixed ${result.fixCount} finding${result.fixCount === 1 ? '' : 's'} in ${result.fixedFiles.join(', ')}\n`);
      if (result.unsafeFixesLeft) {
        note(
          `${result.unsafeFixesLeft} unsafe fix${result.unsafeFixesLeft === 1 ? '' : 'es'} not applied: they rename columns or tables in the database (see them with --fix-dry-run; apply with --fix --unsafe)\n`,
        );
      }
    }
    if (result.baselineWritten)
      note(`Baseline ${result.baselineWritten} written with ${result.baselineKnown} finding${result.baselineKnown === 1 ? '' : 's'}\n`);
    else if (result.baselineKnown) note(`${result.baselineKnown} finding${result.baselineKnown === 1 ? '' : 's'} known to the baseline not shown\n`);
    ctx.report(result.diagnostics, { sources: result.sources, extra });
    return result.diagnostics.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
  },
};

function fixJson(d: Diagnostic): Record<string, unknown> {
  return {
    rule: d.code,
    file: d.location?.file ?? null,
    line: d.location?.line ?? null,
    column: d.location?.column ?? null,
    description: d.fix!.description,
    kind: d.fix!.kind,
    safe: isSafeFixKind(d.fix!.kind),
    migration: d.fix!.migration ?? null,
  };
}

/** The two groups of a dry run, each fix with its kind and the migration statement it causes, then the diff. */
function dryRunText(fixes: { safe: Diagnostic[]; unsafe: Diagnostic[] }, unsafe: boolean, diff: string): string {
  const lines: string[] = [];
  const group = (title: string, list: Diagnostic[]) => {
    lines.push(`${title}: ${list.length}`);
    for (const d of list) {
      const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : '';
      lines.push(`  ${where} ${d.fix!.description} (${describeFixKind(d.fix!.kind)}) [${d.code}]`);
      if (d.fix!.migration) lines.push(`      ${d.fix!.migration}`);
    }
  };
  group('Safe fixes (--fix applies them)', fixes.safe);
  group(`Unsafe fixes (only --fix --unsafe applies them${unsafe ? '; included in the diff below' : ''})`, fixes.unsafe);
  lines.push('');
  lines.push(diff || 'No fixes to apply.');
  return lines.join('\n') + (diff ? '' : '\n');
}
