import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../../config/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ExitCode, StewardError } from '../../errors/index.js';
import { writeFilesAtomic } from '../../fs/atomic-write.js';
import { docsProject } from '../../docs/project.js';
import type { Command } from '../command.js';

export const docsCommand: Command = {
  name: 'docs',
  summary: 'Keep model reference sections in markdown (between steward markers) current with the master',
  usage: 'steward docs [--write] [--check] [--diagram <file.svg>]',
  help: [
    '  --write        rewrite stale sections (text outside markers is never touched)',
    '  --check        write nothing; exit 1 when a section is stale (the default without --write)',
    "  --diagram <f>  also keep <f> current: the ER diagram as SVG, laid out like `steward report`'s",
    '                 (elkjs), for markdown to show with ![ER diagram](<f>)',
    '',
    '  Sections: <!-- steward:model Name --> ... <!-- /steward:model --> (a table of the model: field,',
    '  type per environment, column, constraints, doc comment) and <!-- steward:schema --> ...',
    '  <!-- /steward:schema --> (a Mermaid ER diagram and every model). Files: `docs.files` in the',
    '  configuration, else every .md file under the working directory.',
  ].join('\n'),
  options: { write: { type: 'boolean' }, check: { type: 'boolean' }, diagram: { type: 'string' } },
  formats: ['text', 'json', 'github'],
  async run(ctx, { values }) {
    if (values.write && values.check) {
      throw new StewardError('USAGE', '--write and --check cannot be combined');
    }
    const config = await ctx.config();
    const write = values.write === true;
    const report = docsProject(config, { write });
    const problems = [...report.diagnostics];
    if (typeof values.diagram === 'string') problems.push(...(await diagramFile(config, values.diagram, write)));
    if (ctx.format === 'json') {
      ctx.report(problems, {
        extra: { files: report.files.map((f) => ({ path: f.path, status: !f.stale ? 'up-to-date' : write ? 'written' : 'stale', sections: f.sections })) },
      });
    } else if (ctx.format === 'github') {
      ctx.report(problems);
    } else {
      const s = ctx.style;
      if (report.files.length === 0) ctx.stdout(`No steward sections found. Add <!-- steward:model Name --> ... <!-- /steward:model --> to a markdown file.\n`);
      for (const f of report.files) {
        const status = !f.stale ? s.green('up to date') : write ? s.green('written') : s.red('stale');
        const stale = f.sections.filter((x) => x.stale).length;
        ctx.stdout(`${f.path}: ${f.sections.length} section${f.sections.length === 1 ? '' : 's'}, ${status}${f.stale && !write ? ` (${stale} stale)` : ''}\n`);
      }
      if (problems.length > 0) {
        ctx.stdout('\n');
        ctx.report(problems);
      }
    }
    return problems.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
  },
};

/** The ER diagram as SVG (same layout as the report): written with --write, else a stale file is an error. */
async function diagramFile(config: ResolvedConfig, file: string, write: boolean): Promise<Diagnostic[]> {
  const [{ buildErGraph }, { renderErSvg }, { loadMaster }] = await Promise.all([
    import('../../diagram/er-graph.js'),
    import('../../diagram/svg.js'),
    import('../../project/master.js'),
  ]);
  const path = resolve(config.cwd, file);
  const shown = relative(config.cwd, path).split('\\').join('/');
  const svg = (await renderErSvg(buildErGraph(loadMaster(config, { validate: false }).schema))) + '\n';
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === svg) return [];
  if (write) {
    writeFilesAtomic([{ path, text: svg }], config.cwd);
    return [];
  }
  return [
    {
      source: 'docs',
      code: 'docs-diagram-stale',
      severity: 'error',
      message: `${shown} ${current === undefined ? 'does not exist' : 'is not the current ER diagram'}; run \`steward docs --write --diagram ${file}\``,
      location: { file: shown, line: 1, column: 1 },
    },
  ];
}
