import type { Fix, TextEdit } from '../diagnostics/diagnostic.js';
import type { FixKind } from '../diagnostics/fix-kind.js';
import type { Attribute, Field, Model, Span } from '../schema/model.js';

/**
 * Minimal text edits the fixable rules make, computed from the schema model's spans so
 * comments and layout around them are kept.
 */

/** A fix that changes the schema text only: the next migration is empty. */
export function schemaFix(description: string, ...edits: TextEdit[]): Fix {
  return { description, edits, kind: 'schema-only' };
}

/** A fix that changes the database too, with the statement its migration will run. */
export function databaseFix(kind: Exclude<FixKind, 'schema-only'>, migration: string, description: string, ...edits: TextEdit[]): Fix {
  return { description, edits, kind, migration };
}

export function replaceSpan(span: Span, text: string): TextEdit {
  return { file: span.file, start: span.start, end: span.end, text };
}

/** Appends ` @attr` after the field's last attribute (before a trailing comment). */
export function addFieldAttribute(field: Field, attribute: string, source: string): TextEdit {
  let end = field.span.end;
  while (end > field.span.start && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
  return { file: field.span.file, start: end, end, text: ` ${attribute}` };
}

/** Inserts a field line (`createdAt DateTime @default(now())`) after `anchor`'s line, indented like it. */
export function addFieldLine(anchor: Field, line: string, source: string): TextEdit {
  const end = anchor.lineSpan.end;
  const fieldLineStart = source.lastIndexOf('\n', anchor.span.start - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(fieldLineStart, anchor.span.start))?.[0] ?? '  ';
  const atLineEnd = end > 0 && source[end - 1] === '\n';
  return { file: anchor.span.file, start: end, end, text: atLineEnd ? `${indent}${line}\n` : `\n${indent}${line}` };
}

/** Adds `, name: value` as the last argument of an attribute, or `(name: value)` when it has none. */
export function addAttributeArgument(attr: Attribute, argument: string, source: string): TextEdit {
  const last = attr.args[attr.args.length - 1];
  if (last) return { file: attr.span.file, start: last.span.end, end: last.span.end, text: `, ${argument}` };
  const text = source.slice(attr.span.start, attr.span.end);
  if (text.endsWith(')')) {
    const close = attr.span.end - 1;
    return { file: attr.span.file, start: close, end: close, text: argument };
  }
  return { file: attr.span.file, start: attr.span.end, end: attr.span.end, text: `(${argument})` };
}

/**
 * Inserts a block attribute line (`@@map("users")`) before the model's closing brace (an
 * `@@index` before an existing `@@map`), indented
 * like the model's fields, after a blank line when the model has no block attributes yet.
 */
export function addBlockAttribute(model: Model, attribute: string, source: string): TextEdit {
  const close = model.span.end - 1; // the closing brace
  const lineStart = source.lastIndexOf('\n', close - 1) + 1;
  const indent = fieldIndent(model, source);
  // Prisma's order keeps @@map last: an @@index or @@unique goes above an existing @@map.
  const map = attribute.startsWith('@@map(') ? undefined : model.attributes.find((a) => a.name === 'map');
  if (map) {
    const mapLineStart = source.lastIndexOf('\n', map.span.start - 1) + 1;
    if (source.slice(mapLineStart, map.span.start).trim() === '')
      return { file: model.span.file, start: mapLineStart, end: mapLineStart, text: `${indent}${attribute}\n` };
  }
  const onOwnLine = source.slice(lineStart, close).trim() === '';
  const blank = model.attributes.length === 0 && model.fields.length > 0 ? '\n' : '';
  if (onOwnLine) return { file: model.span.file, start: lineStart, end: lineStart, text: `${blank}${indent}${attribute}\n` };
  return { file: model.span.file, start: close, end: close, text: `\n${indent}${attribute}\n` };
}

function fieldIndent(model: Model, source: string): string {
  const first = model.fields[0] ?? model.attributes[0];
  if (!first) return '  ';
  const start = first.span.start;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const indent = source.slice(lineStart, start);
  return /^[ \t]*$/.test(indent) ? indent : '  ';
}
