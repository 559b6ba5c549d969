import type { TextEdit } from '../diagnostics/diagnostic.js';
import type { Argument, Attribute, Model, Schema, Value } from '../schema/model.js';
import type { Finding } from './finding.js';

export interface AuditFix {
  finding: Finding;
  description: string;
  edits: TextEdit[];
}

/**
 * Master edits for the findings that have a safe, mechanical fix: adding a documented (or
 * used) field with the docs' type and optionality, and renaming a field that breaks the
 * naming convention with `@map` keeping its column. Pure: schema + findings in, edits out.
 */
export function proposeFixes(schema: Schema, findings: readonly Finding[]): AuditFix[] {
  const fixes: AuditFix[] = [];
  for (const finding of findings) {
    const proposal = finding.proposal;
    if (!proposal) continue;
    const model = schema.models.find((m) => m.name === proposal.model);
    if (!model || model.fields.length === 0) continue;
    if (proposal.action === 'add-field') {
      fixes.push({ finding, description: `model ${model.name}: add \`${proposal.line}\``, edits: [addFieldEdit(schema, model, proposal.line)] });
    } else {
      fixes.push({
        finding,
        description: `model ${model.name}: rename \`${proposal.from}\` to \`${proposal.to}\` with @map("${proposal.column}")`,
        edits: renameFieldEdits(model, proposal.from, proposal.to, proposal.column),
      });
    }
  }
  return fixes;
}

function addFieldEdit(schema: Schema, model: Model, line: string): TextEdit {
  // After the last stored field, so the new column sits with the others and before the relations.
  const stored = model.fields.filter((f) => !schema.models.some((m) => m.name === f.type.name));
  const anchor = (stored.length > 0 ? stored : model.fields)[(stored.length > 0 ? stored : model.fields).length - 1];
  const file = schema.files.find((f) => f.path === anchor.lineSpan.file)!;
  const lineText = file.text.slice(anchor.lineSpan.start, anchor.lineSpan.end);
  const indent = /^[ \t]*/.exec(lineText.replace(/^(?:[ \t]*\/\/\/[^\n]*\n)*/, ''))?.[0] ?? '  ';
  const atLineEnd = anchor.lineSpan.end > 0 && file.text[anchor.lineSpan.end - 1] === '\n';
  return { file: file.path, start: anchor.lineSpan.end, end: anchor.lineSpan.end, text: atLineEnd ? `${indent}${line}\n` : `\n${indent}${line}` };
}

function renameFieldEdits(model: Model, from: string, to: string, column: string): TextEdit[] {
  const field = model.fields.find((f) => f.name === from);
  if (!field) return [];
  const file = field.nameSpan.file;
  const edits: TextEdit[] = [{ file, start: field.nameSpan.start, end: field.nameSpan.end, text: to }];
  const lastAttribute = field.attributes[field.attributes.length - 1];
  const after = lastAttribute ? lastAttribute.span.end : field.type.span.end;
  edits.push({ file, start: after, end: after, text: ` @map("${column}")` });
  // References in @relation(fields: [...]), @@unique, @@index and @@id follow the rename.
  const attributes: Attribute[] = [...model.attributes, ...model.fields.flatMap((f) => f.attributes)];
  for (const attribute of attributes) for (const arg of attribute.args) collectRefs(arg, from, to, edits);
  return edits;
}

function collectRefs(arg: Argument, from: string, to: string, edits: TextEdit[]): void {
  if (arg.name !== undefined && arg.name !== 'fields') return;
  const visit = (value: Value): void => {
    if (value.kind === 'constant' && value.name === from)
      edits.push({ file: value.span.file, start: value.span.start, end: value.span.start + from.length, text: to });
    else if (value.kind === 'function' && value.name === from)
      edits.push({ file: value.span.file, start: value.span.start, end: value.span.start + from.length, text: to });
    else if (value.kind === 'array') value.items.forEach(visit);
  };
  visit(arg.value);
}
