import { StewardError } from '../errors/index.js';
import { lineAt, lineStartsOf, withLoneCrAsLf } from './lines.js';
import type {
  Argument,
  Attribute,
  Comment,
  ConfigBlock,
  Enum,
  EnumValue,
  Field,
  FieldType,
  Model,
  ModelKind,
  Property,
  Schema,
  SourceFile,
  Span,
  Value,
} from './model.js';

/**
 * Parses Prisma schema source into the schema model. Hand-written for speed (a 3,000-model
 * schema parses in tens of milliseconds) and so that every node keeps exact offsets, which
 * autofix and environment generation use as text edits.
 *
 * It checks syntax only; semantic validation is Prisma's job (see prisma/validate.ts).
 */
export function parseSchema(files: SourceFile[] | SourceFile | string): Schema {
  const given: SourceFile[] = typeof files === 'string' ? [{ path: 'schema.prisma', text: files }] : Array.isArray(files) ? files : [files];
  // Lone CR line endings (Prisma accepts them) become LF, one character for one: every offset
  // and span stays true for the file on disk, and everything downstream sees one kind of line end.
  const list = given.some((f) => f.text.includes('\r')) ? given.map((f) => ({ path: f.path, text: withLoneCrAsLf(f.text) })) : given;
  const schema: Schema = { files: list, blocks: [], datasources: [], generators: [], models: [], views: [], types: [], enums: [] };
  for (const file of list) {
    new Parser(file).parseInto(schema);
  }
  return schema;
}

/**
 * The datasource and generator blocks only, read by the same grammar: the bodies of models,
 * views, types and enums are skipped (to the `}` that starts a line, the way their blocks end),
 * not read. For reading a master's defaults at start-up without parsing it twice: `models`,
 * `enums`... stay empty. A malformed block elsewhere is left to the full parse to report.
 */
export function parseConfigBlocks(files: SourceFile[] | SourceFile | string): Schema {
  const given: SourceFile[] = typeof files === 'string' ? [{ path: 'schema.prisma', text: files }] : Array.isArray(files) ? files : [files];
  const list = given.some((f) => f.text.includes('\r')) ? given.map((f) => ({ path: f.path, text: withLoneCrAsLf(f.text) })) : given;
  const schema: Schema = { files: list, blocks: [], datasources: [], generators: [], models: [], views: [], types: [], enums: [] };
  for (const file of list) {
    new Parser(file, true).parseInto(schema);
  }
  return schema;
}

// Shared empty lists for the common case: attributes without arguments or docs. Never mutated.
const NO_ARGS: Argument[] = [];
const NO_DOCS: Comment[] = [];

const CH_NL = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_TAB = 9;
const CH_SLASH = 47;
const CH_AT = 64;
const CH_QUOTE = 34;

/** A name starts with a letter, as in Prisma's grammar (not `_`: Prisma refuses `_id` as a line it cannot read). */
function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 128 && isLetter(c));
}

const LETTER = /^\p{L}$/u;

/**
 * Non-ASCII letters (`émail`, `名前`): Prisma's identifiers take any Unicode letter (category L),
 * not other marks, digits or symbols. `c` is a UTF-16 unit; a surrogate pair is judged whole.
 */
function isLetterAt(text: string, pos: number): boolean {
  const cp = text.codePointAt(pos);
  return cp !== undefined && cp >= 128 && LETTER.test(String.fromCodePoint(cp));
}
function isLetter(c: number): boolean {
  return c < 0xd800 || c > 0xdfff ? LETTER.test(String.fromCharCode(c)) : false;
}
/** Code units of the character at pos (2 for a surrogate pair). */
function unitsAt(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

/**
 * Prisma's whitespace between tokens: space, tab and every Unicode space separator (category Zs:
 * NBSP, the en/em spaces, U+3000, ...), not line or paragraph separators.
 */
function isSpaceSeparator(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const BLOCK_KEYWORDS = ['model', 'type', 'view', 'enum', 'datasource', 'generator'];

/** Far beyond any real schema (Prisma's own values nest two or three levels). */
const MAX_VALUE_DEPTH = 128;

class Parser {
  private readonly text: string;
  private readonly file: string;
  private readonly lineStarts: number[];
  private pos = 0;

  constructor(
    source: SourceFile,
    /** Read datasource and generator blocks only; skip the bodies of the others (parseConfigBlocks). */
    private readonly configBlocksOnly = false,
  ) {
    this.text = source.text;
    this.file = source.path;
    this.lineStarts = lineStartsOf(this.text);
  }

  // ---- positions -------------------------------------------------------------------------

  private lastLine = 0;

  private lineOf(offset: number): number {
    // Spans are made in source order, so the last line found is almost always the answer or near it.
    const starts = this.lineStarts;
    let l = this.lastLine;
    if (starts[l] <= offset && (l + 1 >= starts.length || starts[l + 1] > offset)) return l;
    if (l + 1 < starts.length && starts[l + 1] <= offset && (l + 2 >= starts.length || starts[l + 2] > offset)) return (this.lastLine = l + 1);
    l = lineAt(starts, offset);
    this.lastLine = l;
    return l;
  }

  span(start: number, end: number): Span {
    // The common cases inline (start on the last line found, end on the same line): two calls
    // fewer per span, and a 300-model schema has about 40,000 spans.
    const starts = this.lineStarts;
    const last = this.lastLine;
    const l1 = starts[last] <= start && (last + 1 >= starts.length || starts[last + 1] > start) ? last : this.lineOf(start);
    const l2 = end === start || l1 + 1 >= starts.length || starts[l1 + 1] > end ? l1 : this.lineOf(end);
    return {
      file: this.file,
      start,
      end,
      line: l1 + 1,
      column: start - this.lineStarts[l1] + 1,
      endLine: l2 + 1,
      endColumn: end - this.lineStarts[l2] + 1,
    };
  }

  /** Start of the line containing `offset`. */
  private lineStart(offset: number): number {
    // Native search back to the previous newline: no line lookup for every member.
    return offset === 0 ? 0 : this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Offset just past the newline ending the line that contains `offset` (or end of text). */
  private lineEndInclusive(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl === -1 ? this.text.length : nl + 1;
  }

  private fail(message: string, at = this.pos): never {
    const s = this.span(at, at);
    throw new StewardError('SCHEMA_SYNTAX', message, { location: { file: this.file, line: s.line, column: s.column } });
  }

  // ---- scanning --------------------------------------------------------------------------

  private peek(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset);
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  // The scanning loops below read characters with charCodeAt on locals rather than through
  // peek(): a lint run parses the master once, before the JIT compiles anything, and a call
  // per character is what the interpreter spends most of its time on.

  /** Skips spaces and tabs (not newlines). */
  private skipInline(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === CH_SPACE || c === CH_TAB || c === CH_CR || (c >= 0xa0 && isSpaceSeparator(c))) pos++;
      else break;
    }
    this.pos = pos;
  }

  /** Skips all whitespace including newlines, and `//` comments when `comments` is true. */
  private skipAll(comments: boolean): void {
    const text = this.text;
    for (;;) {
      let pos = this.pos;
      let c = text.charCodeAt(pos);
      while (c === CH_SPACE || c === CH_TAB || c === CH_CR || c === CH_NL || (c >= 0xa0 && isSpaceSeparator(c))) c = text.charCodeAt(++pos);
      this.pos = pos;
      if (comments && c === CH_SLASH && text.charCodeAt(pos + 1) === CH_SLASH) this.skipToLineEnd();
      else if (comments && c === CH_SLASH && text.charCodeAt(pos + 1) === 42) this.skipBlockComment();
      else return;
    }
  }

  private skipToLineEnd(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl === -1 ? this.text.length : nl;
  }

  private readIdent(what: string): { name: string; span: Span } {
    const start = this.pos;
    const name = this.scanIdent(what);
    return { name, span: this.span(start, this.pos) };
  }

  /** Reads an identifier and returns its text; no span (the hot path allocates nothing else). */
  private scanIdent(what: string): string {
    const text = this.text;
    const start = this.pos;
    let c = text.charCodeAt(start);
    let pos = start;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) pos++;
    else if (c >= 128 && isLetterAt(text, start)) pos += unitsAt(text, start);
    else this.fail(`Expected ${what}, found ${this.describeHere()}`);
    for (;;) {
      c = text.charCodeAt(pos);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) pos++;
      else if (c >= 128 && isLetterAt(text, pos)) pos += unitsAt(text, pos);
      else break;
    }
    this.pos = pos;
    return text.slice(start, pos);
  }

  /** Identifier with optional `.`-separated parts (`db.VarChar`, `a.b`). */
  private scanDottedIdent(what: string): string {
    const start = this.pos;
    const first = this.scanIdent(what);
    if (this.text.charCodeAt(this.pos) !== 46) return first;
    // Prisma's path: a name, then dots each followed by a name or not (`db.`, Prisma's validation refuses it).
    while (this.peek() === 46) {
      this.pos++;
      if (isIdentStart(this.peek()) || (this.peek() >= 0xd800 && isLetterAt(this.text, this.pos))) this.scanIdent(what);
    }
    return this.text.slice(start, this.pos);
  }

  private describeHere(): string {
    if (this.atEnd()) return 'end of file';
    const c = this.text[this.pos];
    if (c === '\n') return 'end of line';
    const word = /^[^\s]{1,20}/.exec(this.text.slice(this.pos))?.[0] ?? c;
    return `'${word}'`;
  }

  private expect(ch: string): void {
    if (this.text[this.pos] !== ch) this.fail(`Expected '${ch}', found ${this.describeHere()}`);
    this.pos++;
  }

  private readComment(): Comment {
    const start = this.pos;
    this.skipToLineEnd();
    let end = this.pos;
    if (this.text.charCodeAt(end - 1) === CH_CR) end--;
    const raw = this.text.slice(start, end);
    const body = raw.startsWith('///') ? raw.slice(3) : raw.slice(2);
    return { text: body.startsWith(' ') ? body.slice(1) : body, span: this.span(start, end) };
  }

  private isDocComment(): boolean {
    return this.peek() === CH_SLASH && this.peek(1) === CH_SLASH && this.peek(2) === CH_SLASH && this.peek(3) !== CH_SLASH;
  }

  private isComment(): boolean {
    return this.peek() === CH_SLASH && this.peek(1) === CH_SLASH;
  }

  private isBlockComment(): boolean {
    return this.peek() === CH_SLASH && this.peek(1) === 42 /* * */;
  }

  /** Past the body of a block without reading it: to the `}` that starts a line, block comments skipped whole. */
  private skipBlockBody(blockStart: number): void {
    this.openBlock();
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl === -1) this.fail(`Unterminated block: expected '}'`, blockStart);
      pos = nl + 1;
      let c = text.charCodeAt(pos);
      while (c === CH_SPACE || c === CH_TAB || c === CH_CR || (c >= 0xa0 && isSpaceSeparator(c))) c = text.charCodeAt(++pos);
      if (c === 125 /* } */) {
        this.pos = pos + 1;
        return;
      }
      if (c === CH_SLASH && text.charCodeAt(pos + 1) === 42 /* * */) {
        this.pos = pos;
        this.skipBlockComment();
        pos = this.pos;
      }
    }
  }

  private skipBlockComment(): void {
    const start = this.pos;
    const close = this.text.indexOf('*/', this.pos + 2);
    if (close === -1) this.fail('Unterminated block comment: expected */', start);
    this.pos = close + 2;
  }

  /** Consumes a comment here: the doc comment (`///`) it read, null for another comment, undefined when there is none. */
  private comment(): Comment | null | undefined {
    if (this.isDocComment()) return this.readComment();
    if (this.isComment()) {
      this.readComment();
      return null;
    }
    if (this.isBlockComment()) {
      this.skipBlockComment();
      return null;
    }
    return undefined;
  }

  /**
   * Reads an optional trailing `//` comment and requires the line to end (or the block to
   * close). `what` and `name` describe the line for the error (joined only then).
   */
  private finishLine(what: string, name?: string): Comment | undefined {
    this.skipInline();
    let comment: Comment | undefined;
    if (this.isComment()) comment = this.readComment();
    const c = this.text.charCodeAt(this.pos);
    // A line ends with a line break, as in Prisma's grammar: not with the block's `}` (`id Int }`).
    if (!(this.pos >= this.text.length || c === CH_NL)) this.fail(`Unexpected ${this.describeHere()} after ${what}${name === undefined ? '' : ` '${name}'`}`);
    return comment;
  }

  // ---- values ----------------------------------------------------------------------------

  private readString(): Value {
    const start = this.pos;
    // Fast path: no escape before the closing quote on this line (nearly every string).
    const close = this.text.indexOf('"', start + 1);
    if (close !== -1) {
      const raw = this.text.slice(start + 1, close);
      if (!raw.includes('\\') && !raw.includes('\n')) {
        this.pos = close + 1;
        return { kind: 'string', value: raw, span: this.span(start, this.pos) };
      }
    }
    this.pos++; // opening quote
    let value = '';
    for (;;) {
      if (this.atEnd()) this.fail('Unterminated string', start);
      const c = this.peek();
      if (c === CH_NL) this.fail('Unterminated string', start);
      if (c === CH_QUOTE) {
        this.pos++;
        break;
      }
      if (c === 92 /* \ */) {
        const n = this.text[this.pos + 1];
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '0': '\0' };
        if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
          value += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
          continue;
        }
        value += n !== undefined && n in map ? map[n] : (n ?? '');
        this.pos += 2;
        continue;
      }
      value += this.text[this.pos];
      this.pos++;
    }
    return { kind: 'string', value, span: this.span(start, this.pos) };
  }

  /** Nesting of lists and calls in a value: bounded, so `[[[...` cannot overflow the stack. */
  private depth = 0;

  private enterNesting(at: number): void {
    if (++this.depth > MAX_VALUE_DEPTH) this.fail(`Value nested more than ${MAX_VALUE_DEPTH} levels deep`, at);
  }

  private readValue(): Value {
    const c = this.text.charCodeAt(this.pos);
    const start = this.pos;
    if (c === CH_QUOTE) return this.readString();
    if (c === 91 /* [ */) {
      this.enterNesting(start);
      this.pos++;
      const items: Value[] = [];
      this.skipAll(true);
      while (this.peek() !== 93 /* ] */) {
        if (this.atEnd()) this.fail("Unterminated list: expected ']'", start);
        items.push(this.readValue());
        this.skipAll(true);
        if (this.peek() === 44 /* , */) {
          this.pos++;
          this.skipAll(true);
          // Prisma's lists take no trailing comma (argument lists do).
          if (this.peek() === 93) this.fail("Expected a value after ',' in list, found ']'");
        } else if (this.peek() !== 93) this.fail(`Expected ',' or ']' in list, found ${this.describeHere()}`);
      }
      this.pos++;
      this.depth--;
      return { kind: 'array', items, span: this.span(start, this.pos) };
    }
    if (isDigit(c) || (c === 45 /* - */ && isDigit(this.peek(1)))) {
      this.pos++;
      while (isDigit(this.peek()) || this.peek() === 46 /* . */) this.pos++;
      const raw = this.text.slice(start, this.pos);
      return { kind: 'number', value: Number(raw), raw, span: this.span(start, this.pos) };
    }
    if (isIdentStart(c)) {
      const name = this.scanDottedIdent('a value');
      const end = this.pos;
      this.skipInline();
      if (this.peek() === 40 /* ( */) {
        this.enterNesting(start);
        const args = this.readArgs();
        this.depth--;
        return { kind: 'function', name, args, span: this.span(start, this.pos) };
      }
      this.pos = end;
      const span = this.span(start, this.pos);
      if (name === 'true' || name === 'false') return { kind: 'boolean', value: name === 'true', span };
      return { kind: 'constant', name, span };
    }
    this.fail(`Expected a value, found ${this.describeHere()}`);
  }

  /** Reads `( ... )`; newlines and comments are allowed inside. */
  private readArgs(): Argument[] {
    const open = this.pos;
    this.expect('(');
    const args: Argument[] = [];
    const text = this.text;
    this.skipAll(true);
    while (text.charCodeAt(this.pos) !== 41 /* ) */) {
      if (this.atEnd()) this.fail("Unterminated argument list: expected ')'", open);
      const start = this.pos;
      let name: string | undefined;
      let c = text.charCodeAt(start);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 128 && isLetterAt(text, start))) {
        // Named argument `name: value`, or a value that starts with an identifier: look for the
        // colon before taking the name, so that a value is not sliced twice.
        let end = start + unitsAt(text, start);
        for (;;) {
          c = text.charCodeAt(end);
          if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) end++;
          else if (c >= 128 && isLetterAt(text, end)) end += unitsAt(text, end);
          else break;
        }
        let after = end;
        while (c === CH_SPACE || c === CH_TAB || c === CH_CR || (c >= 0xa0 && isSpaceSeparator(c))) c = text.charCodeAt(++after);
        if (c === 58 /* : */) {
          name = text.slice(start, end);
          this.pos = after + 1;
          this.skipAll(true);
        }
      }
      const value = this.readValue();
      // A positional argument covers exactly its value: one Span object serves both.
      args.push({ name, value, span: name === undefined ? value.span : this.span(start, this.pos) });
      this.skipAll(true);
      c = text.charCodeAt(this.pos);
      if (c === 44 /* , */) {
        this.pos++;
        this.skipAll(true);
      } else if (c !== 41) this.fail(`Expected ',' or ')' in arguments, found ${this.describeHere()}`);
    }
    this.pos++;
    return args;
  }

  private readAttribute(block: boolean, docs: Comment[]): Attribute {
    const start = this.pos;
    this.pos += block ? 2 : 1;
    // Prisma's grammar lets whitespace stand between `@` and the name, and before the arguments:
    // `@ id`, `@default  (now())`.
    this.skipInline();
    const name = this.scanDottedIdent('an attribute name');
    const end = this.pos;
    this.skipInline();
    const args = this.text.charCodeAt(this.pos) === 40 ? this.readArgs() : ((this.pos = end), NO_ARGS);
    const span = this.span(start, this.pos);
    return { name, block, args, span, docs, lineSpan: span };
  }

  /** Field attributes: `@x @y(...)` until the end of the line. */
  private readFieldAttributes(): Attribute[] {
    const attributes: Attribute[] = [];
    const text = this.text;
    for (;;) {
      this.skipInline();
      if (text.charCodeAt(this.pos) !== CH_AT) return attributes;
      if (text.charCodeAt(this.pos + 1) === CH_AT) this.fail('Block attributes (@@) must stand on their own line');
      attributes.push(this.readAttribute(false, NO_DOCS));
    }
  }

  // ---- blocks ----------------------------------------------------------------------------

  parseInto(schema: Schema): void {
    let docs: Comment[] = [];
    for (;;) {
      this.skipAll(false);
      if (this.atEnd()) return;
      const comment = this.comment();
      if (comment !== undefined) {
        if (comment !== null) docs.push(comment);
        continue;
      }
      const blockStart = this.pos;
      let keyword = this.readIdent('a block (model, enum, datasource, generator, view or type)');
      this.skipInline();
      let name: { name: string; span: Span };
      const glued = this.peek() === 123 /* { */ ? BLOCK_KEYWORDS.find((k) => keyword.name.startsWith(k) && keyword.name.length > k.length) : undefined;
      if (glued) {
        // Prisma's grammar needs no space after the keyword: `generatorclient {` is generator client.
        name = { name: keyword.name.slice(glued.length), span: this.span(blockStart + glued.length, keyword.span.end) };
        keyword = { name: glued, span: this.span(blockStart, blockStart + glued.length) };
      } else {
        name = this.readIdent(`a name after '${keyword.name}'`);
      }
      // The `{` opens the block on the name's line, as Prisma's grammar requires.
      this.skipInline();
      const lineStart = this.lineStart(docs.length > 0 ? docs[0].span.start : blockStart);
      if (this.configBlocksOnly && keyword.name !== 'datasource' && keyword.name !== 'generator') {
        this.skipBlockBody(blockStart);
        docs = [];
        continue;
      }
      switch (keyword.name) {
        case 'datasource':
        case 'generator': {
          const block = this.parseConfigBlock(keyword.name, name, docs, blockStart, lineStart);
          schema.blocks.push(block);
          (keyword.name === 'datasource' ? schema.datasources : schema.generators).push(block);
          break;
        }
        case 'model':
        case 'view':
        case 'type': {
          const model = this.parseModel(keyword.name, name, docs, blockStart, lineStart);
          schema.blocks.push(model);
          (keyword.name === 'model' ? schema.models : keyword.name === 'view' ? schema.views : schema.types).push(model);
          break;
        }
        case 'enum': {
          const e = this.parseEnum(name, docs, blockStart, lineStart);
          schema.blocks.push(e);
          schema.enums.push(e);
          break;
        }
        default:
          this.fail(`Unknown block type '${keyword.name}' (expected model, enum, datasource, generator, view or type)`, blockStart);
      }
      docs = [];
    }
  }

  /**
   * `{` and the rest of its line: Prisma's grammar ignores whatever follows the brace there (it
   * is meant for a comment), so steward does too: `model A { id Int @id` has no field.
   */
  private openBlock(): void {
    this.expect('{');
    this.skipToLineEnd();
  }

  private closeBlock(blockStart: number, lineStart: number): { span: Span; lineSpan: Span } {
    this.pos++; // '}'
    const span = this.span(blockStart, this.pos);
    // Whatever follows on the line is read as the next top-level element (Prisma takes `} model B {`).
    const lineSpan = this.span(lineStart, this.lineEndInclusive(this.pos === this.text.length ? this.pos : this.pos));
    return { span, lineSpan };
  }

  private parseConfigBlock(
    kind: 'datasource' | 'generator',
    name: { name: string; span: Span },
    docs: Comment[],
    blockStart: number,
    lineStart: number,
  ): ConfigBlock {
    this.openBlock();
    const properties: Property[] = [];
    for (;;) {
      this.skipAll(true);
      if (this.atEnd()) this.fail(`Unterminated ${kind} '${name.name}': expected '}'`, blockStart);
      if (this.peek() === 125) break;
      const start = this.pos;
      const key = this.readIdent('a property name');
      this.skipInline();
      this.expect('=');
      this.skipInline();
      const value = this.readValue();
      const span = this.span(start, this.pos);
      this.finishLine('property', key.name);
      properties.push({ key: key.name, keySpan: key.span, value, span, lineSpan: this.span(this.lineStart(start), this.lineEndInclusive(start)) });
    }
    const { span, lineSpan } = this.closeBlock(blockStart, lineStart);
    return { kind, name: name.name, nameSpan: name.span, properties, docs, span, lineSpan };
  }

  private parseFieldType(): FieldType {
    const start = this.pos;
    const typeName = this.scanIdent('a field type');
    let unsupported: string | undefined;
    if (typeName === 'Unsupported' && this.peek() === 40) {
      const args = this.readArgs();
      const first = args[0]?.value;
      if (!first || first.kind !== 'string') this.fail('Unsupported(...) takes a string, e.g. Unsupported("tsvector")', start);
      unsupported = first.value;
    }
    let list = false;
    let optional = false;
    const text = this.text;
    // `String []` and `String ?` are Prisma's too (whitespace may stand before the modifiers).
    let end = this.pos;
    this.skipInline();
    if (text.charCodeAt(this.pos) === 91 && text.charCodeAt(this.pos + 1) === 93) {
      list = true;
      this.pos += 2;
      end = this.pos;
      this.skipInline();
    }
    if (text.charCodeAt(this.pos) === 63 /* ? */) {
      optional = true;
      this.pos++;
      end = this.pos;
    }
    this.pos = end;
    return { name: typeName, list, optional, unsupported, span: this.span(start, this.pos) };
  }

  /**
   * The body of a model, view, type or enum: doc comments, comments and `@@` block attributes
   * are handled here; every other member line goes to `member` with its docs and line start.
   */
  private parseMembers(what: string, blockStart: number, attributes: Attribute[], member: (start: number, docs: Comment[], lineStart: number) => void): void {
    this.openBlock();
    let memberDocs: Comment[] = NO_DOCS;
    for (;;) {
      this.skipAll(false);
      if (this.atEnd()) this.fail(`Unterminated ${what}: expected '}'`, blockStart);
      const first = this.text.charCodeAt(this.pos);
      if (first === 125) return;
      if (first === CH_SLASH) {
        const comment = this.comment();
        if (comment !== undefined) {
          if (comment !== null) {
            if (memberDocs === NO_DOCS) memberDocs = [];
            memberDocs.push(comment);
          }
          continue;
        }
      }
      const start = this.pos;
      const memberLineStart = this.lineStart(memberDocs.length > 0 ? memberDocs[0].span.start : start);
      if (this.peek() === CH_AT) {
        if (this.peek(1) !== CH_AT) this.fail('Attributes with one @ must follow a field or enum value; block attributes start with @@');
        const attribute = this.readAttribute(true, memberDocs);
        this.finishLine(`@@${attribute.name}`);
        attribute.lineSpan = this.span(memberLineStart, this.lineEndInclusive(start));
        attributes.push(attribute);
      } else {
        member(start, memberDocs, memberLineStart);
      }
      memberDocs = NO_DOCS;
    }
  }

  private parseModel(kind: ModelKind, name: { name: string; span: Span }, docs: Comment[], blockStart: number, lineStart: number): Model {
    const fields: Field[] = [];
    const attributes: Attribute[] = [];
    this.parseMembers(`${kind} '${name.name}'`, blockStart, attributes, (start, memberDocs, memberLineStart) => {
      const fieldName = this.readIdent('a field name');
      const c = this.peek();
      if (c !== CH_SPACE && c !== CH_TAB && !isSpaceSeparator(c)) this.fail(`Expected a type after field '${fieldName.name}', found ${this.describeHere()}`);
      this.skipInline();
      const type = this.parseFieldType();
      const fieldAttributes = this.readFieldAttributes();
      const span = this.span(start, this.pos);
      const comment = this.finishLine('field', fieldName.name);
      const lineSpan = this.span(memberLineStart, this.lineEndInclusive(start));
      fields.push({ name: fieldName.name, nameSpan: fieldName.span, type, attributes: fieldAttributes, docs: memberDocs, comment, span, lineSpan });
    });
    const { span, lineSpan } = this.closeBlock(blockStart, lineStart);
    return { kind, name: name.name, nameSpan: name.span, fields, attributes, docs, span, lineSpan };
  }

  private parseEnum(name: { name: string; span: Span }, docs: Comment[], blockStart: number, lineStart: number): Enum {
    const values: EnumValue[] = [];
    const attributes: Attribute[] = [];
    this.parseMembers(`enum '${name.name}'`, blockStart, attributes, (start, memberDocs, memberLineStart) => {
      const valueName = this.readIdent('an enum value');
      const valueAttributes = this.readFieldAttributes();
      const span = this.span(start, this.pos);
      const comment = this.finishLine('enum value', valueName.name);
      const lineSpan = this.span(memberLineStart, this.lineEndInclusive(start));
      values.push({ name: valueName.name, nameSpan: valueName.span, attributes: valueAttributes, docs: memberDocs, comment, span, lineSpan });
    });
    const { span, lineSpan } = this.closeBlock(blockStart, lineStart);
    return { kind: 'enum', name: name.name, nameSpan: name.span, values, attributes, docs, span, lineSpan };
  }
}
