import { CHANGE_SEVERITIES, type ChangeSeverity } from '../diff/codes.js';
import { changeLines, escapeMd } from '../diff/format/markdown.js';
import { summaryText } from '../diff/format/summary.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderMermaidEr } from '../diagram/mermaid.js';
import type { Availability } from '../status/types.js';
import type { ReviewData } from './collect.js';

/** The hidden first line that marks steward's comment, so the action updates it instead of adding another. */
export const REVIEW_MARKER = '<!-- steward-review -->';

const HEADINGS: Record<ChangeSeverity, string> = { breaking: 'Breaking', dangerous: 'Dangerous', safe: 'Safe' };
/** GitHub refuses comments over 65,536 characters; SQL is cut to leave room for the rest. */
const MAX_SQL = 12_000;

/** The review as GitHub-flavoured markdown (one pull-request comment). Pure. */
export function renderReviewMarkdown(data: ReviewData): string {
  const { changes } = data.diff;
  const out: string[] = [REVIEW_MARKER, `## Steward review: schema changes against \`${data.base.ref}\` (${data.base.commit.slice(0, 7)})`, ''];
  const headline = [capitalize(summaryText(changes))];
  if (data.newLint.available) headline.push(`${data.newLint.value.length} new lint finding${data.newLint.value.length === 1 ? '' : 's'}`);
  if (data.newAudit.available) headline.push(`${data.newAudit.value.length} new audit finding${data.newAudit.value.length === 1 ? '' : 's'}`);
  if (data.safety.available) headline.push(`${data.safety.value.length} migration safety finding${data.safety.value.length === 1 ? '' : 's'}`);
  if (data.regenerate.length > 0)
    headline.push(
      `${data.regenerate.length} file${data.regenerate.length === 1 ? '' : 's'} or section${data.regenerate.length === 1 ? '' : 's'} to regenerate`,
    );
  out.push(`${headline.join(' · ')}.`);
  if (data.base.note) out.push('', `> Findings at the base are unknown (${escapeMd(data.base.note)}): every finding is listed as new.`);

  out.push('', '### Semantic diff');
  if (changes.length === 0) out.push('', 'The master schema did not change.');
  for (const severity of CHANGE_SEVERITIES) {
    const group = changes.filter((c) => c.severity === severity);
    if (group.length === 0) continue;
    out.push('', `#### ${HEADINGS[severity]} (${group.length})`, '');
    for (const c of group) out.push(...changeLines(c));
  }

  if (data.diagram.entities.length > 0) {
    out.push(
      '',
      '### Models touched',
      '',
      'Fields marked `+ added`, `- removed`, `~ changed` or `~ renamed from` in their comment.',
      '',
      '```mermaid',
      renderMermaidEr(data.diagram),
      '```',
    );
  }

  out.push('', '### Migrations per environment');
  if (!data.migrations.available) out.push('', `Not available: ${escapeMd(data.migrations.reason)}`);
  else if (data.migrations.value.length === 0) out.push('', 'No environment steward migrates.');
  else
    for (const m of data.migrations.value) {
      if (m.scripts.length === 0) {
        out.push(
          '',
          m.refused
            ? `- **${m.env}** (${m.provider}): \`steward migrate create\` would refuse or cannot plan: see Migration safety.`
            : `- **${m.env}** (${m.provider}): no SQL needed.`,
        );
        continue;
      }
      const what =
        m.source === 'change'
          ? `${m.scripts.length} migration${m.scripts.length === 1 ? '' : 's'} added: ${m.scripts.map((s) => `\`${s.name}\``).join(', ')}`
          : m.scripts[0].name === 'still missing'
            ? 'the migrations added do not reach the schema; `steward migrate create` would add this'
            : 'no migration in this change; `steward migrate create` would write this';
      out.push('', `<details><summary><b>${escapeHtml(m.env)}</b> (${escapeHtml(m.provider)}): ${what.replace(/`([^`]+)`/g, '<code>$1</code>')}</summary>`, '');
      for (const s of m.scripts)
        out.push(
          ...(m.scripts.length > 1 ? [`\`${s.name}\``, ''] : []),
          fence(s.sql.length > MAX_SQL ? `${s.sql.slice(0, MAX_SQL)}\n-- … ${s.sql.length - MAX_SQL} more characters` : s.sql, 'sql'),
          '',
        );
      out.push('</details>');
    }

  out.push(
    '',
    '### Migration safety',
    '',
    ...findingLines(data.safety, 'No safety finding on the migrations added since the base or the one still to create.'),
  );
  out.push('', '### New lint findings', '', ...findingLines(data.newLint, 'This change adds no lint finding.'));
  out.push('', '### New audit findings', '', ...findingLines(data.newAudit, 'This change adds no mismatch between the schema and its docs or code.'));
  out.push('', '### To regenerate', '');
  if (data.regenerate.length === 0) out.push('Generated environment files and docs sections are up to date.');
  else {
    for (const d of data.regenerate)
      out.push(`- ${d.location ? `\`${d.location.file}\`: ` : ''}${text(d.location ? d.message.replace(`${d.location.file}: `, '') : d.message)}`);
    out.push('', 'Run `steward generate` and `steward docs --write`, then commit.');
  }
  return out.join('\n') + '\n';
}

function findingLines(a: Availability<Diagnostic[]>, none: string): string[] {
  if (!a.available) return [`Not available: ${escapeMd(a.reason)}`];
  if (a.value.length === 0) return [none];
  const lines: string[] = [];
  const shown = a.value.slice(0, 50);
  for (const d of shown) lines.push(`- **${d.severity}** \`${d.code}\` ${where(d)}${d.env ? `[${text(d.env)}] ` : ''}${text(d.message)}`);
  if (a.value.length > shown.length) lines.push(`- … and ${a.value.length - shown.length} more (\`steward check\` lists them all)`);
  return lines;
}

/** Findings' messages write code in backticks: kept; only what would start HTML or emphasis is escaped. */
function text(s: string): string {
  return s.replace(/([*<>])/g, '\\$1');
}

function where(d: Diagnostic): string {
  return d.location ? `\`${d.location.file}:${d.location.line}\` ` : '';
}

function fence(text: string, lang: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text.replace(/\n$/, '')}\n${ticks}`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
