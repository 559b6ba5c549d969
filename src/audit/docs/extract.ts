import { Lexer, type Token, type Tokens } from 'marked';
import { maskGeneratedSections } from '../../docs/markers.js';
import { StewardError } from '../../errors/index.js';
import { parseSchema } from '../../schema/parse.js';
import type { Claim, ClaimLocation, FieldClaim, ModelClaim } from '../claims.js';
import { parseDocType, parseRequired } from './doc-type.js';
import { parseFieldFacts } from './field-facts.js';
import { modelFromHeading, type ModelHeading } from './heading.js';

export interface DocsExtraction {
  claims: Claim[];
  /** `prisma` blocks that do not parse: reported, not guessed at. */
  problems: { message: string; location: ClaimLocation }[];
}

/** Longer lines are prose or data, never a heading, table row or list item worth a claim. */
const MAX_LINE = 64 * 1024;

/** Lines over MAX_LINE emptied (line numbers kept): marked's regexes overflow on a 20 MB line. */
function withoutHugeLines(text: string): string {
  if (text.length <= MAX_LINE) return text;
  let out = '';
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    out += end - start > MAX_LINE ? '' : text.slice(start, end);
    if (end < text.length) out += '\n';
    start = end + 1;
  }
  return out;
}

const FIELD_NAME = /^[a-z_][A-Za-z0-9_]*$/;
const FIELD_HEADERS = ['field', 'name', 'column', 'field name', 'column name', 'attribute', 'property'];

/**
 * Lowers one markdown file to claims. Recognised: fenced `prisma` blocks; a heading naming a
 * model followed by a table (first column Field/Name/Column, optional Type/Required/Notes) or a
 * bullet list whose items start with a backticked field name and optionally a type in
 * parentheses. Text outside a model's section claims nothing. Pure.
 */
export function extractDocClaims(path: string, text: string): DocsExtraction {
  // Reference sections written by `steward docs` restate the schema: they are not design claims.
  const source = withoutHugeLines(maskGeneratedSections(text.replace(/\r\n?/g, '\n')));
  const claims: Claim[] = [];
  const problems: DocsExtraction['problems'] = [];
  // Block tokens only: claims read headings, fences, tables and lists by their text, and marked's
  // inline pass recurses per emphasis (a 20 MB paragraph overflowed the stack). Block nesting
  // (`>>>>...`) recurses too: a file too deep to read is a located problem, not a crash.
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).blockTokens(source);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.push({ message: 'markdown nested too deeply to read; its claims are skipped', location: { file: path, line: 1, column: 1 } });
    return { claims, problems };
  }
  let offset = 0;
  let line = 1;
  let section: { heading: ModelHeading; location: ClaimLocation; claimed: boolean } | undefined;

  for (const token of tokens) {
    const at = source.indexOf(token.raw, offset);
    if (at >= 0) {
      line += countNewlines(source, offset, at);
      offset = at;
    }
    const tokenLine = line;
    switch (token.type) {
      case 'heading': {
        const heading = modelFromHeading((token as Tokens.Heading).text);
        section = heading ? { heading, location: { file: path, line: tokenLine, column: 1 }, claimed: false } : undefined;
        break;
      }
      case 'code': {
        const code = token as Tokens.Code;
        if ((code.lang ?? '').trim().split(/\s+/)[0] === 'prisma') claims.push(...prismaBlockClaims(path, code, tokenLine, problems));
        break;
      }
      case 'table':
        if (section) {
          const fields = tableClaims(path, section.heading.model, token as Tokens.Table, tokenLine);
          if (fields.length > 0) claimSection(section, fields, claims);
        }
        break;
      case 'list':
        if (section) {
          const fields = listClaims(path, section.heading.model, token as Tokens.List, tokenLine);
          if (fields.length > 0) claimSection(section, fields, claims);
        }
        break;
    }
    line += countNewlines(token.raw, 0, token.raw.length);
    offset += token.raw.length;
    // A token's raw text was not found verbatim (marked normalises tabs): resynchronise by line count.
    if (at < 0) offset = Math.min(source.length, offset);
  }
  return { claims, problems };
}

function claimSection(section: { heading: ModelHeading; location: ClaimLocation; claimed: boolean }, fields: FieldClaim[], claims: Claim[]): void {
  if (!section.claimed) {
    // A table or list giving several fields with types describes a model even under a plain heading.
    // A heading written as code names a model only over field-shaped rows: at least one typed
    // field (`` ### `ZWorkflowNodeBase` `` over described properties is a type's reference, not a model).
    const typed = fields.filter((f) => f.type !== undefined && f.type.accepts.length > 0).length;
    const explicit = section.heading.byWord === true || (section.heading.explicit && typed >= 1) || typed >= 2;
    const model: ModelClaim = { kind: 'model', source: 'docs', model: section.heading.model, location: section.location, explicit };
    claims.push(model);
    section.claimed = true;
  }
  claims.push(...fields);
}

function prismaBlockClaims(path: string, code: Tokens.Code, fenceLine: number, problems: DocsExtraction['problems']): Claim[] {
  // Pad with newlines so the schema parser's line numbers are the markdown file's.
  const padded = '\n'.repeat(fenceLine) + code.text;
  let schema;
  try {
    schema = parseSchema({ path, text: padded });
  } catch (error) {
    if (error instanceof StewardError) {
      problems.push({
        message: `prisma block does not parse: ${error.message}`,
        location: { file: path, line: error.location?.line ?? fenceLine, column: error.location?.column ?? 1 },
      });
      return [];
    }
    throw error;
  }
  const claims: Claim[] = [];
  for (const model of [...schema.models, ...schema.views]) {
    claims.push({
      kind: 'model',
      source: 'docs',
      model: model.name,
      location: { file: path, line: model.nameSpan.line, column: model.nameSpan.column },
      explicit: true,
    });
    for (const field of model.fields) {
      const t = field.type;
      const facts = parseFieldFacts(field.attributes.map((a) => padded.slice(a.span.start, a.span.end)).join(' '));
      claims.push({
        ...(facts ? { facts } : {}),
        kind: 'field',
        source: 'docs',
        model: model.name,
        field: field.name,
        location: { file: path, line: field.nameSpan.line, column: field.nameSpan.column },
        type: { accepts: [t.name], written: `${t.name}${t.list ? '[]' : ''}${t.optional ? '?' : ''}`, list: t.list, optional: t.optional },
      });
    }
  }
  for (const e of schema.enums) {
    claims.push({
      kind: 'model',
      source: 'docs',
      model: e.name,
      location: { file: path, line: e.nameSpan.line, column: e.nameSpan.column },
      explicit: true,
      isEnum: true,
    });
  }
  return claims;
}

function cellText(cell: Tokens.TableCell): string {
  return cell.text.trim();
}

function tableClaims(path: string, model: string, table: Tokens.Table, tableLine: number): FieldClaim[] {
  const headers = table.header.map((h) => cellText(h).toLowerCase().replace(/[*_`]/g, ''));
  if (!FIELD_HEADERS.includes(headers[0])) return [];
  const typeColumn = headers.findIndex((h) => h === 'type' || h === 'data type' || h === 'prisma type');
  const requiredColumn = headers.findIndex((h) => h === 'required' || h === 'nullable' || h === 'optional');
  const notesColumn = headers.findIndex((h) => ['notes', 'note', 'description', 'purpose', 'comment'].includes(h));
  const claims: FieldClaim[] = [];
  table.rows.forEach((row, index) => {
    const name = cellText(row[0])
      .replace(/`/g, '')
      .replace(/[*_]{2}/g, '')
      .trim();
    if (!FIELD_NAME.test(name)) return;
    const claim: FieldClaim = { kind: 'field', source: 'docs', model, field: name, location: { file: path, line: tableLine + 2 + index, column: 1 } };
    const type = typeColumn > 0 ? parseDocType(cellText(row[typeColumn] ?? ({ text: '' } as Tokens.TableCell))) : undefined;
    if (type) claim.type = type;
    if (requiredColumn > 0) {
      let required = parseRequired(cellText(row[requiredColumn]));
      if (required !== undefined && headers[requiredColumn] !== 'required') required = !required;
      if (required !== undefined) claim.type = { ...(claim.type ?? { accepts: [], written: '', list: false }), optional: !required };
    }
    if (notesColumn > 0 && row[notesColumn]) claim.note = cellText(row[notesColumn]);
    const facts = parseFieldFacts(
      row
        .slice(1)
        .filter((_, i) => i + 1 !== requiredColumn)
        .map(cellText)
        .join(' ; '),
    );
    if (facts) claim.facts = facts;
    claims.push(claim);
  });
  return inferOptionality(claims);
}

/**
 * `` `name` (Type, optional) — note ``, `` `name`: `Type` — note `` or `` `name`: Type `` (a bare
 * word after the colon is a type only when the item ends or a separator follows it:
 * `` `id`: Unique chat identifier `` is a description, not type `Unique`).
 */
const BULLET =
  /^`([^`]+)`\s*(?:\(([^)]*)\)|:\s*(?:`([A-Za-z][\w]*(?:\[\])?\??)`|([A-Za-z][\w]*(?:\[\])?\??)(?=\s*(?:$|[,;(]|[—–-]\s))))?\s*(?:[—–:-]+\s*)?(.*)$/s;

function listClaims(path: string, model: string, list: Tokens.List, listLine: number): FieldClaim[] {
  const claims: FieldClaim[] = [];
  let line = listLine;
  for (const item of list.items) {
    const firstLine = item.text.split('\n')[0].trim();
    const m = BULLET.exec(firstLine);
    if (m && FIELD_NAME.test(m[1])) {
      const claim: FieldClaim = { kind: 'field', source: 'docs', model, field: m[1], location: { file: path, line, column: 1 } };
      const written = m[3] ?? m[4];
      const type = m[2] !== undefined ? parseDocType(m[2]) : written !== undefined ? parseDocType(written) : undefined;
      if (type) claim.type = type;
      else if (m[2] !== undefined) {
        const required = /\brequired\b/i.test(m[2]) ? true : /\boptional\b/i.test(m[2]) ? false : undefined;
        if (required !== undefined) claim.type = { accepts: [], written: '', list: false, optional: !required };
      }
      if (m[5]?.trim()) claim.note = m[5].trim();
      const facts = parseFieldFacts(`${m[2] ?? ''} ; ${m[5] ?? ''}`);
      if (facts) claim.facts = facts;
      claims.push(claim);
    }
    line += countNewlines(item.raw, 0, item.raw.length);
  }
  return inferOptionality(claims);
}

/**
 * In a table or list that marks some types optional with `?`, an unmarked type is required;
 * where nothing is marked, the source says nothing about optionality.
 */
function inferOptionality(claims: FieldClaim[]): FieldClaim[] {
  const usesMarks = claims.some((c) => c.type?.written.endsWith('?'));
  if (usesMarks) for (const c of claims) if (c.type && c.type.optional === undefined && c.type.written) c.type.optional = false;
  return claims;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
