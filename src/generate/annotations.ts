import { StewardError, isStewardError } from '../errors/index.js';
import { parseSchema } from '../schema/parse.js';
import type { Comment, Schema, Span } from '../schema/model.js';

/**
 * Environment annotations live in `///` doc comments directly above a model, view, enum,
 * field, enum value or block attribute:
 *
 *   /// @steward.only(production)              the member exists only in these environments
 *   /// @steward.exclude(dev)                  the member is left out of these environments
 *   /// @steward.exclude(dev) @unique @db.Text only these attributes are removed (fields)
 *   /// @steward.override(dev) Json @default("[]")  the field's type and attributes in that env
 *   /// @steward.renamedFrom("oldName")        used by migrations and diff (not by generation)
 *
 * They are stripped from every generated environment schema.
 */
export type Annotation =
  | { kind: 'only'; envs: string[]; span: Span }
  | { kind: 'exclude'; envs: string[]; attributes: string[]; span: Span }
  | { kind: 'override'; env: string; replacement: string; span: Span }
  | { kind: 'renamedFrom'; from: string; span: Span }
  /**
   * An expand/contract transition (docs/migrations.md#expandcontract). On a field: onto it from an
   * old column (`from`; with `backfill`, a computed value: a split), or a new required column filled
   * by `backfill`. On a model: `drop`, an old column retired (its `backfill`, if any, fills it for
   * rows written without it until contract). On the datasource: `dropTable`, a table retired.
   * `sqlite`: the backfill in SQLite's dialect.
   */
  | { kind: 'transition'; from?: string; backfill?: string; drop?: string; dropTable?: string; sqlite?: string; span: Span };

export const ANNOTATION_PREFIX = '@steward.';

const ENV_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function isAnnotationComment(comment: Comment): boolean {
  return comment.text.trimStart().startsWith(ANNOTATION_PREFIX);
}

/** Parses the annotations among a node's doc comments. Throws ANNOTATION_INVALID with a location. */
export function parseAnnotations(docs: Comment[]): Annotation[] {
  const out: Annotation[] = [];
  for (const doc of docs) {
    if (!isAnnotationComment(doc)) continue;
    out.push(parseAnnotation(doc));
  }
  return out;
}

function invalid(doc: Comment, message: string): never {
  throw new StewardError('ANNOTATION_INVALID', message, {
    location: { file: doc.span.file, line: doc.span.line, column: doc.span.column },
    hint: 'Annotations: @steward.only(env, ...), @steward.exclude(env, ...) [@attr ...], @steward.override(env) <type and attributes>, @steward.renamedFrom("old"), @steward.transition(from: "old")',
  });
}

function parseAnnotation(doc: Comment): Annotation {
  const text = doc.text.trim();
  const m = /^@steward\.([A-Za-z]+)\s*\(([^)]*)\)\s*(.*)$/.exec(text);
  if (!m) invalid(doc, `Malformed annotation '${text}': expected @steward.<name>(...)`);
  const [, name, argText, rest] = m;
  const args = argText
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  switch (name) {
    case 'only':
    case 'exclude': {
      if (args.length === 0) invalid(doc, `@steward.${name}() needs at least one environment name`);
      for (const a of args) if (!ENV_NAME.test(a)) invalid(doc, `'${a}' is not an environment name in @steward.${name}(...)`);
      if (name === 'only') {
        if (rest.trim()) invalid(doc, `Unexpected '${rest.trim()}' after @steward.only(...)`);
        return { kind: 'only', envs: args, span: doc.span };
      }
      const attributes: string[] = [];
      if (rest.trim()) {
        for (const token of rest.trim().split(/\s+/)) {
          const am = /^@([A-Za-z][A-Za-z0-9_.]*)(\(.*\))?$/.exec(token);
          if (!am) invalid(doc, `Expected attribute names like @unique after @steward.exclude(...), found '${token}'`);
          attributes.push(am[1]);
        }
      }
      return { kind: 'exclude', envs: args, attributes, span: doc.span };
    }
    case 'override': {
      if (args.length !== 1 || !ENV_NAME.test(args[0])) invalid(doc, '@steward.override(...) takes exactly one environment name');
      const replacement = rest.trim();
      if (!/^[A-Za-z][A-Za-z0-9_]*(\[\])?\??(\s|$)/.test(replacement))
        invalid(doc, `@steward.override(${args[0]}) must be followed by a field type, e.g. 'Json @default("[]")'`);
      checkReplacement(doc, args[0], replacement);
      return { kind: 'override', env: args[0], replacement, span: doc.span };
    }
    case 'renamedFrom': {
      const sm = /^"([^"]+)"$/.exec(argText.trim());
      if (!sm) invalid(doc, '@steward.renamedFrom takes one quoted name, e.g. @steward.renamedFrom("oldName")');
      return { kind: 'renamedFrom', from: sm[1], span: doc.span };
    }
    case 'transition':
      return parseTransition(doc, text);
    default:
      invalid(doc, `Unknown annotation @steward.${name} (expected only, exclude, override, renamedFrom or transition)`);
  }
}

const TRANSITION_USAGE =
  '@steward.transition takes from: "oldColumn", backfill: "<SQL expression>" (either or both), on a model drop: "oldColumn" [, backfill: "<SQL>"], or on the datasource dropTable: "old_table"; sqlite: "<SQL>" gives the backfill in SQLite\'s dialect, e.g. @steward.transition(from: "name")';

/** `key: "value"` pairs, parsed from the whole text: a backfill expression may hold parentheses, commas and escaped quotes. */
function parseTransition(doc: Comment, text: string): Annotation {
  const body = /^@steward\.transition\s*\((.*)\)\s*$/.exec(text);
  if (!body) invalid(doc, TRANSITION_USAGE);
  const values: Partial<Record<'from' | 'backfill' | 'drop' | 'dropTable' | 'sqlite', string>> = {};
  const pair = /\s*([A-Za-z]+)\s*:\s*"((?:[^"\\]|\\.)+)"\s*(,|$)/y;
  let rest = body[1];
  while (rest.trim() !== '') {
    pair.lastIndex = 0;
    const m = pair.exec(rest);
    if (!m) invalid(doc, TRANSITION_USAGE);
    const key = m[1];
    if (key !== 'from' && key !== 'backfill' && key !== 'drop' && key !== 'dropTable' && key !== 'sqlite')
      invalid(doc, `@steward.transition: unknown key '${key}'. ${TRANSITION_USAGE}`);
    if (values[key] !== undefined) invalid(doc, `@steward.transition: '${key}' given twice`);
    values[key] = m[2].replace(/\\(.)/g, '$1');
    rest = rest.slice(m[0].length);
    if (m[3] === ',' && rest.trim() === '') invalid(doc, TRANSITION_USAGE);
  }
  if (values.from === undefined && values.backfill === undefined && values.drop === undefined && values.dropTable === undefined) invalid(doc, TRANSITION_USAGE);
  if (values.dropTable !== undefined && Object.keys(values).length > 1) invalid(doc, '@steward.transition: dropTable takes nothing else');
  if (values.from !== undefined && values.drop !== undefined)
    invalid(doc, '@steward.transition: from (on the new field) and drop (on the model) do not go together');
  if (values.sqlite !== undefined && values.backfill === undefined)
    invalid(doc, '@steward.transition: sqlite gives the backfill on SQLite, so it needs backfill');
  return { kind: 'transition', ...values, span: doc.span };
}

/**
 * An override's replacement must read as a field's type and attributes: checked with the
 * schema parser on a one-field model, so `String @@@` is refused at the annotation rather
 * than in the generated file (where Prisma would find it).
 */
function checkReplacement(doc: Comment, env: string, replacement: string): void {
  try {
    const probe = parseSchema({ path: doc.span.file, text: `model StewardOverride {\n  field ${replacement}\n}\n` });
    if (probe.blocks.length === 1 && probe.models[0]?.fields.length === 1) return;
  } catch (error) {
    if (!isStewardError(error)) throw error;
    invalid(doc, `@steward.override(${env}) ${replacement}: not a field type and attributes (${error.message})`);
  }
  invalid(doc, `@steward.override(${env}) ${replacement}: not a field type and attributes`);
}

/** Whether a member with these annotations exists in `env`. */
export function includedIn(annotations: readonly Annotation[], env: string): boolean {
  if (annotations.length === 0) return true; // nearly every member: no iterator to make
  for (const a of annotations) {
    if (a.kind === 'only' && !a.envs.includes(env)) return false;
    if (a.kind === 'exclude' && a.attributes.length === 0 && a.envs.includes(env)) return false;
  }
  return true;
}

/** Every annotated node of a schema, for validation of environment names. */
export function validateAnnotations(schema: Schema, envNames: readonly string[]): void {
  const check = (docs: Comment[]) => {
    for (const a of parseAnnotations(docs)) {
      const envs = a.kind === 'only' || a.kind === 'exclude' ? a.envs : a.kind === 'override' ? [a.env] : [];
      for (const env of envs) {
        if (!envNames.includes(env)) {
          throw new StewardError('UNKNOWN_ENVIRONMENT', `Unknown environment '${env}' in annotation (configured: ${envNames.join(', ')})`, {
            location: { file: a.span.file, line: a.span.line, column: a.span.column },
          });
        }
      }
    }
  };
  for (const block of schema.blocks) {
    check(block.docs);
    if (block.kind === 'model' || block.kind === 'view' || block.kind === 'type') {
      for (const f of block.fields) check(f.docs);
      for (const a of block.attributes) check(a.docs);
    } else if (block.kind === 'enum') {
      for (const v of block.values) check(v.docs);
      for (const a of block.attributes) check(a.docs);
    }
  }
}
