import { fixedMasterFiles, writeMasterFiles } from '../../audit/apply.js';
import { proposeFixes } from '../../audit/fix.js';
import { auditDiagnostics, auditProject, type AuditResult } from '../../audit/project.js';
import { auditJsonData } from '../../audit/report/json.js';
import { renderAuditMarkdown } from '../../audit/report/markdown.js';
import { REPORTERS } from '../../diagnostics/reporters/index.js';
import { ExitCode, StewardError } from '../../errors/index.js';
import { generateProject } from '../../project/environments.js';
import { fieldKind } from '../../schema/query.js';
import type { Command } from '../command.js';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Find every mismatch between design docs, application code and the master schema',
  usage: 'steward audit [--fix [--write]]',
  help: [
    '  --fix      propose master edits: add documented fields, rename convention mismatches with @map',
    '  --write    with --fix: apply them to the master and regenerate the environment schemas',
    '  Formats: text, json (the envelope; data: { "findings": [...] }), markdown (the "Identified Mismatches" report), github, sarif.',
  ].join('\n'),
  options: { fix: { type: 'boolean' }, write: { type: 'boolean' } },
  // sarif appears here as soon as a sarif reporter is registered.
  formats: [...new Set(['text', 'json', 'markdown', ...Object.keys(REPORTERS)])],
  async run(ctx, { values }) {
    const config = await ctx.config();
    let result = await auditProject(config);
    // Keep machine-readable output alone on stdout.
    const log = ctx.format === 'json' || ctx.format === 'sarif' ? ctx.stderr : ctx.stdout;
    if (values.fix) {
      const fixes = proposeFixes(result.schema, result.findings);
      if (fixes.length === 0) log('No automatic fixes for these findings.\n');
      else {
        const files = fixedMasterFiles(result.schema, fixes, config.prismaMajor);
        log(`${values.write ? 'Applying' : 'Proposed'} master edits (${fixes.length}):\n`);
        for (const f of fixes) log(`  ${ctx.style.green('+')} ${f.description}\n`);
        if (values.write) {
          for (const path of writeMasterFiles(config, files)) log(`wrote ${path}\n`);
          const generated = await generateProject(config);
          for (const path of generated.written) log(`wrote ${path}\n`);
          result = await auditProject(config);
        } else log('Run again with --write to apply them and regenerate the environment schemas.\n');
        log('\n');
      }
    } else if (values.write) {
      throw new StewardError('USAGE', '--write needs --fix');
    }
    if (ctx.format === 'json') ctx.report(auditDiagnostics(result), { extra: auditJsonData(result.findings) });
    else if (ctx.format === 'markdown') ctx.stdout(renderMarkdown(result));
    else ctx.report(auditDiagnostics(result));
    return result.findings.some((f) => f.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
  },
};

function renderMarkdown(result: AuditResult): string {
  const schema = result.schema;
  const relationFields = new Map(schema.models.map((m) => [m.name, new Set(m.fields.filter((f) => fieldKind(schema, f) === 'relation').map((f) => f.name))]));
  return renderAuditMarkdown({ findings: result.findings, claims: result.claims, modelOrder: schema.models.map((m) => m.name), relationFields });
}
