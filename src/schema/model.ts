/**
 * The one schema model every feature reads: generation, lint, audit, diff and drift.
 * Every node carries a Span so findings can point at file:line:col and fixes can be
 * applied as minimal text edits.
 */

/** A range of source text. Lines and columns are 1-based; offsets are 0-based string indexes. */
export interface Span {
  file: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SourceFile {
  /** Path as given by the caller (relative to the working directory when loaded from disk). */
  path: string;
  text: string;
}

/** A `//` or `///` comment. `text` excludes the slashes and one leading space. */
export interface Comment {
  text: string;
  span: Span;
}

export type Value =
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; raw: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  /** A bare identifier: a referential action, a field reference, `Desc`, `Gin`, ... */
  | { kind: 'constant'; name: string; span: Span }
  | { kind: 'function'; name: string; args: Argument[]; span: Span }
  | { kind: 'array'; items: Value[]; span: Span };

export interface Argument {
  /** Undefined for positional arguments. */
  name?: string;
  value: Value;
  span: Span;
}

export interface Attribute {
  /** Without the leading `@` or `@@`: `id`, `unique`, `db.VarChar`, `index`. */
  name: string;
  /** True for `@@` block attributes. */
  block: boolean;
  args: Argument[];
  span: Span;
  /** `///` comments directly above a block attribute (where environment annotations live). */
  docs: Comment[];
  /** The whole source line(s) of a block attribute, including indentation; equals span for field attributes. */
  lineSpan: Span;
}

export interface FieldType {
  /** `String`, `Int`, a model or enum name, or `Unsupported`. */
  name: string;
  optional: boolean;
  list: boolean;
  /** The database type string of `Unsupported("...")`. */
  unsupported?: string;
  span: Span;
}

export interface Field {
  name: string;
  nameSpan: Span;
  type: FieldType;
  attributes: Attribute[];
  docs: Comment[];
  /** A trailing `//` comment on the field's line. */
  comment?: Comment;
  /** From the field name to the end of its last attribute. */
  span: Span;
  /** The whole line including indentation, doc comments above and the trailing comment. */
  lineSpan: Span;
}

export type ModelKind = 'model' | 'view' | 'type';

export interface Model {
  kind: ModelKind;
  name: string;
  nameSpan: Span;
  fields: Field[];
  /** Block attributes (`@@id`, `@@unique`, `@@index`, `@@map`, ...). */
  attributes: Attribute[];
  docs: Comment[];
  /** From the keyword to the closing brace. */
  span: Span;
  /** Including doc comments above the block. */
  lineSpan: Span;
}

export interface EnumValue {
  name: string;
  nameSpan: Span;
  attributes: Attribute[];
  docs: Comment[];
  comment?: Comment;
  span: Span;
  lineSpan: Span;
}

export interface Enum {
  kind: 'enum';
  name: string;
  nameSpan: Span;
  values: EnumValue[];
  attributes: Attribute[];
  docs: Comment[];
  span: Span;
  lineSpan: Span;
}

export interface Property {
  key: string;
  keySpan: Span;
  value: Value;
  span: Span;
  lineSpan: Span;
}

export interface ConfigBlock {
  kind: 'datasource' | 'generator';
  name: string;
  nameSpan: Span;
  properties: Property[];
  docs: Comment[];
  span: Span;
  lineSpan: Span;
}

export type Block = ConfigBlock | Model | Enum;

export interface Schema {
  files: SourceFile[];
  /** Every top-level block in source order (files in the order given). */
  blocks: Block[];
  datasources: ConfigBlock[];
  generators: ConfigBlock[];
  /** `model` blocks only. */
  models: Model[];
  views: Model[];
  /** Composite types (`type` blocks, MongoDB). */
  types: Model[];
  enums: Enum[];
}

export const SCALAR_TYPES = ['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes'] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];

const SCALAR_TYPE_SET: ReadonlySet<string> = new Set(SCALAR_TYPES);

export function isScalarType(name: string): name is ScalarType {
  return SCALAR_TYPE_SET.has(name);
}
