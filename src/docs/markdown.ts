import type { ErGraph } from '../diagram/er-graph.js';
import { renderMermaidEr } from '../diagram/mermaid.js';
import type { ModelReference, SchemaReference } from './reference.js';

/** The text between a section's markers. Starts and ends with a newline so markers keep their own lines. */

export function renderModelSection(ref: SchemaReference, model: ModelReference): string {
  return ['', generatedNote(ref), '', ...modelBlock(ref, model), ''].join('\n');
}

export function renderSchemaSection(ref: SchemaReference, graph: ErGraph): string {
  const lines = ['', generatedNote(ref), '', '```mermaid', renderMermaidEr(graph), '```', ''];
  lines.push('| Model | Table | Fields | Environments | Description |', '| --- | --- | --- | --- | --- |');
  const allEnvs = ref.environments.map((e) => e.name);
  for (const m of ref.models) {
    const envs = m.environments.length === allEnvs.length ? 'all' : m.environments.join(', ') || 'none';
    lines.push(row([`${m.name}${m.kind !== 'model' ? ` (${m.kind})` : ''}`, code(m.table), String(m.fields.length), envs, m.doc]));
  }
  if (ref.enums.length > 0) {
    lines.push('', '| Enum | Values | Description |', '| --- | --- | --- |');
    for (const e of ref.enums) lines.push(row([e.name, e.values.map(code).join(', '), e.doc]));
  }
  for (const m of ref.models) lines.push('', `### ${m.name}`, '', ...modelBlock(ref, m));
  lines.push('');
  return lines.join('\n');
}

function generatedNote(ref: SchemaReference): string {
  return `<!-- Generated from ${ref.master} by \`steward docs --write\`. Edit the master schema, not this section. -->`;
}

function modelBlock(ref: SchemaReference, model: ModelReference): string[] {
  const envs = ref.environments;
  const intro = [`**${model.name}**`, model.kind !== 'model' ? ` (${model.kind})` : '', `, table ${code(model.table)}`];
  if (model.environments.length !== envs.length) intro.push(`, only in ${model.environments.join(', ') || 'no environment'}`);
  intro.push(model.doc ? `: ${oneLine(model.doc)}` : '.');
  const lines = [intro.join(''), ''];
  lines.push(row(['Field', ...envs.map((e) => `Type (${e.name})`), 'Column', 'Constraints', 'Description']));
  lines.push(row(['---', ...envs.map(() => '---'), '---', '---', '---']));
  for (const f of model.fields) {
    lines.push(
      row([
        code(f.name),
        ...envs.map((e) => (f.types[e.name] === null || f.types[e.name] === undefined ? '—' : code(f.types[e.name]!))),
        f.column === undefined ? '—' : code(f.column),
        f.constraints.join('; '),
        f.doc,
      ]),
    );
  }
  return lines;
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}
