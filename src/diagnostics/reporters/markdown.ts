import { countBySeverity, type Diagnostic } from '../diagnostic.js';
import { describeFixKind } from '../fix-kind.js';
import type { Reporter } from './types.js';

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/**
 * THE markdown renderer (every command's --format markdown, and pull-request comments): a title,
 * the command's own summary table when it has one (drift's databases), a summary line, then a
 * table of findings per file. Table cells are escaped so schema text cannot break the table.
 */
export const markdownReporter: Reporter = (diagnostics, context) => {
  const c = countBySeverity(diagnostics);
  const title = context.title ?? 'prisma-steward';
  const out: string[] = [`### ${title}`, ''];
  if (context.table) {
    const { header, rows, footer } = context.table;
    out.push(`| ${header.map(cell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`), '');
    if (footer) out.push(footer, '');
  }
  if (diagnostics.length === 0) {
    out.push('✅ No findings.');
    return out.join('\n') + '\n';
  }
  out.push(`**${c.error}** error${c.error === 1 ? '' : 's'}, **${c.warning}** warning${c.warning === 1 ? '' : 's'}${c.info ? `, **${c.info}** info` : ''}`, '');
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const file = d.location?.file ?? '(project)';
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    list.push(d);
  }
  for (const [file, list] of byFile) {
    out.push(`#### \`${file}\``, '', '| | Line | Rule | Message | Where |', '|---|---:|---|---|---|');
    for (const d of list) {
      const where = [d.model && d.field ? `${d.model}.${d.field}` : d.model, d.env ? `env: ${d.env}` : undefined].filter(Boolean).join(', ');
      const message =
        [d.message, ...(d.notes ?? [])].map(cell).join('<br>') + (d.fix ? `<br>_fix (${describeFixKind(d.fix.kind)}): ${cell(d.fix.description)}_` : '');
      out.push(`| ${ICON[d.severity]} | ${d.location ? `${d.location.line}:${d.location.column}` : ''} | \`${cell(d.code)}\` | ${message} | ${cell(where)} |`);
    }
    out.push('');
  }
  return out.join('\n');
};

function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>')
    .replace(/</g, '&lt;')
    .replace(/&lt;br>/g, '<br>');
}
