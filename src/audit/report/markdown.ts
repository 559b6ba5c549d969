import type { Claim, ClaimLocation } from '../claims.js';
import type { Finding } from '../finding.js';

export interface MarkdownReportInput {
  findings: readonly Finding[];
  claims: readonly Claim[];
  /** Model order (the schema's). */
  modelOrder: readonly string[];
  /** Fields that are relations, by model, so "Has:" lists stored fields only. */
  relationFields?: ReadonlyMap<string, ReadonlySet<string>>;
}

const ROUTINE_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

/**
 * The specification's "Identified Mismatches" section: one section per model with
 * "Missing: `x` field (documented but not in schema)", "Missing: `y` field (used in
 * application code)", "Mismatch: `a` vs `b` naming convention", and "Correct: matches
 * documented design" for models with nothing to fix.
 */
export function renderAuditMarkdown(input: MarkdownReportInput): string {
  const { findings, claims } = input;
  const docFiles = unique(claims.filter((c) => c.source === 'docs').map((c) => c.location.file));
  const codeFiles = unique(claims.filter((c) => c.source === 'code').map((c) => c.location.file));
  const lines: string[] = ['### Identified Mismatches', ''];
  const basis: string[] = [];
  if (docFiles.length > 0) basis.push(`the documented design in ${docFiles.map((f) => `\`${f}\``).join(', ')}`);
  if (codeFiles.length > 0) basis.push(`application code (${codeFiles.length} file${codeFiles.length === 1 ? '' : 's'} using Prisma Client)`);
  const problems = findings.filter((f) => f.kind !== 'undocumented');
  lines.push(
    basis.length === 0
      ? 'No design docs or Prisma Client calls were found.'
      : problems.length === 0
        ? `Based on ${basis.join(' and ')}, the schema matches.`
        : `Based on ${basis.join(' and ')}, the following fields are missing or incorrect:`,
    '',
  );

  const documented = new Map<string, Set<string>>();
  const used = new Set<string>();
  for (const c of claims) {
    if (c.kind === 'feature') continue;
    if (c.source === 'code') used.add(c.model);
    if (c.source === 'docs') {
      let set = documented.get(c.model);
      if (!set) documented.set(c.model, (set = new Set()));
      if (c.kind === 'field') set.add(c.field);
    }
  }
  const byModel = new Map<string, Finding[]>();
  // Environment findings are about code and databases, not the design: they get their own section.
  const environment = findings.filter((f) => f.kind === 'env-incompatible');
  for (const f of findings) {
    if (f.kind === 'env-incompatible') continue;
    const list = byModel.get(f.model);
    if (list) list.push(f);
    else byModel.set(f.model, [f]);
  }
  const order = (m: string): number => {
    const i = input.modelOrder.indexOf(m);
    return i === -1 ? input.modelOrder.length : i;
  };
  const all = unique([...byModel.keys(), ...documented.keys(), ...used]).filter((m) => input.modelOrder.includes(m) || byModel.has(m));
  const withProblems = all.filter((m) => (byModel.get(m) ?? []).some((f) => f.kind !== 'undocumented')).sort((a, b) => order(a) - order(b));
  const correct = all.filter((m) => !withProblems.includes(m)).sort((a, b) => order(a) - order(b));

  for (const model of [...withProblems, ...correct]) {
    lines.push(`#### ${model} Model`);
    const modelFindings = byModel.get(model) ?? [];
    if (!withProblems.includes(model)) {
      const docs = documented.get(model);
      lines.push(`- Correct: ${docs ? 'matches documented design' : 'matches application code'}`);
      const relations = input.relationFields?.get(model);
      const has = [...(docs ?? [])].filter((f) => !ROUTINE_FIELDS.has(f) && !relations?.has(f));
      if (has.length > 0) lines.push(`- Has: ${has.map((f) => `\`${f}\``).join(', ')} fields`);
    }
    for (const f of modelFindings) lines.push(`- ${findingLine(f)}`);
    lines.push('');
  }
  if (environment.length > 0) {
    lines.push('#### Environment Compatibility');
    for (const f of environment) lines.push(`- ${findingLine(f)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function findingLine(f: Finding): string {
  const where = locationText(f.locations);
  switch (f.kind) {
    case 'missing-model':
      return `Missing: \`${f.model}\` model (${sourceText(f)})${where}`;
    case 'missing-in-schema':
      return `Missing: \`${f.field}\` field (${sourceText(f)})${where}`;
    case 'naming-mismatch':
      return f.message.includes('(near miss)')
        ? `Mismatch: \`${f.field}\` vs \`${f.schemaField}\` (near miss: ${f.sources.join(' and ')} use \`${f.field}\`, the schema has \`${f.schemaField}\`)${where}`
        : `Mismatch: \`${f.schemaField}\` vs \`${f.field}\` naming convention${where}`;
    case 'type-mismatch':
    case 'required-mismatch':
      return `Mismatch: ${f.message.replace(/^`[^`]+`/, `\`${f.field}\``)}${where}`;
    case 'env-incompatible':
      return `\`${f.env}\`: ${f.message.replace(/ \(environment [^)]*\)/, '')}${where}`;
    case 'undocumented':
      return `Undocumented: \`${f.field}\` field (in schema, not in the documented design)`;
    case 'dto-mismatch':
    case 'dto-extra':
    case 'dto-incomplete':
      return `DTO: ${f.message}${where}`;
    case 'untested':
      return `Untested: ${f.message}`;
    case 'planned':
      return `Planned: ${f.field ? `\`${f.field}\` field` : `\`${f.model}\` model`} (in a doc marked as planned work, not in schema yet)${where}`;
  }
}

function sourceText(f: Finding): string {
  if (f.sources.length === 2) return 'documented and used in application code, but not in schema';
  return f.sources[0] === 'docs' ? 'documented but not in schema' : 'used in application code';
}

function locationText(locations: readonly ClaimLocation[]): string {
  if (locations.length === 0) return '';
  const [first] = locations;
  return ` — ${first.file}:${first.line}${locations.length > 1 ? ` (+${locations.length - 1})` : ''}`;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
