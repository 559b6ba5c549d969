import type { ResolvedEnvironment } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { StewardError } from '../errors/index.js';
import { prismaValidate } from '../prisma/schema-wasm.js';
import { keptEdits } from '../schema/edits.js';
import { lineAt, lineStartsOf } from '../schema/lines.js';
import type { Comment, Schema, Span } from '../schema/model.js';
import { type Annotation, parseAnnotations } from './annotations.js';
import { transformEnvironment } from './generate.js';

export interface RejectedEnvironment {
  env: ResolvedEnvironment;
  /** Prisma's verdict on the generated (formatted) file. */
  validation: Diagnostic[];
}

/** An annotation that changes an environment, with the member it sits on. */
interface Acting {
  annotation: Annotation;
  /** `Post.authorId`, `model Post`, `@@index on Post`. */
  member: string;
  /** The member's lines in the master, doc comments included. */
  memberSpan: Span;
  blockSpan: Span;
  /** The model or enum it belongs to. */
  block: string;
}

/**
 * The error for environment schemas that Prisma rejects although the master is valid (the
 * master is validated first). The cause is then an annotation that leaves the environment
 * inconsistent (`@steward.exclude(dev)` on a foreign key whose relation stays), or a steward
 * bug. The environment's text is validated again before formatting, and each of Prisma's
 * errors is mapped through generation's text edits back to the master: an error in a member or
 * block that an annotation changes in that environment is ANNOTATION_INVALID, located at the
 * annotation (exit 2); any other is INTERNAL (exit 4), with its location in the master too.
 */
export function rejectionError(schema: Schema, rejected: readonly RejectedEnvironment[]): StewardError {
  const details: string[] = [];
  const blamed: { acting: Acting; env: string; message: string }[] = [];
  for (const { env, validation } of rejected) {
    const result = transformEnvironment(schema, env);
    const files = result.files;
    let errors = prismaValidate(files, { major: env.prismaMajor }).filter((d) => d.severity === 'error');
    const mapped = errors.length > 0;
    if (!mapped) errors = validation.filter((d) => d.severity === 'error'); // only the formatted text fails: show it as it is
    const acting = actingAnnotations(schema, env.name);
    for (const error of errors) {
      const message = firstLine(error.message);
      const file = files.find((f) => f.path === error.location?.file);
      const master = schema.files.find((f) => f.path === error.location?.file);
      if (!mapped || !file || !master || !error.location) {
        details.push(`[${env.name}] ${error.location ? `${error.location.file}:${error.location.line}:${error.location.column} ` : ''}${message}`);
        continue;
      }
      const outStarts = lineStartsOf(file.text);
      const outOffset = (outStarts[error.location.line - 1] ?? file.text.length) + error.location.column - 1;
      const offset = masterOffset(result.edits.get(file.path) ?? [], outOffset);
      const starts = lineStartsOf(master.text);
      const line = lineAt(starts, offset);
      const where = `${master.path}:${line + 1}:${offset - starts[line] + 1}`;
      const cause = responsible(acting, master.path, offset, message);
      details.push(`[${env.name}] ${where} ${message}${cause ? ` (after ${annotationText(cause.annotation)} on ${cause.member})` : ''}`);
      if (cause) blamed.push({ acting: cause, env: env.name, message });
    }
  }
  if (blamed.length > 0) {
    const { acting, env, message } = blamed[0];
    const span = acting.annotation.span;
    return new StewardError(
      'ANNOTATION_INVALID',
      `${annotationText(acting.annotation)} on ${acting.member} leaves a ${env} schema that Prisma rejects: ${message}`,
      {
        location: { file: span.file, line: span.line, column: span.column },
        details,
        hint:
          acting.annotation.kind === 'override'
            ? 'Write the field as in a schema after the environment: @steward.override(dev) Json @default("[]")'
            : 'Leave out what depends on it in the same environments too (the relation field that uses a foreign key, the other side of a relation, an index on it), or keep it there.',
      },
    );
  }
  return new StewardError(
    'INTERNAL',
    'Prisma rejects a generated environment schema. This is a bug in prisma-steward; please report it with the master schema.',
    { details },
  );
}

/** The master offset of an offset in the edited text; text an edit inserted maps to the edit's start. */
function masterOffset(edits: readonly { start: number; end: number; text: string }[], outOffset: number): number {
  let at = 0; // in the master
  let out = 0; // in the edited text
  for (const e of keptEdits(edits)) {
    const kept = e.start - at;
    if (outOffset < out + kept) return at + (outOffset - out);
    out += kept;
    if (outOffset < out + e.text.length) return e.start;
    out += e.text.length;
    at = e.end;
  }
  return at + (outOffset - out);
}

/**
 * The annotation on the member at `offset`, else one in the block at `offset`, else one in a
 * model the message names in backticks (a relation's other side: "missing an opposite relation
 * field on the model `User`"), else none.
 */
function responsible(acting: readonly Acting[], file: string, offset: number, message: string): Acting | undefined {
  const inside = (s: Span) => s.file === file && s.start <= offset && offset <= s.end;
  const named = new Set([...message.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
  return acting.find((a) => inside(a.memberSpan)) ?? acting.find((a) => inside(a.blockSpan)) ?? acting.find((a) => named.has(a.block));
}

/** Annotations that change the environment `env`: only() without it, exclude(env), override(env). */
function actingAnnotations(schema: Schema, env: string): Acting[] {
  const out: Acting[] = [];
  const add = (docs: Comment[], member: string, memberSpan: Span, blockSpan: Span, block: string) => {
    for (const annotation of parseAnnotations(docs)) {
      const acts =
        (annotation.kind === 'only' && !annotation.envs.includes(env)) ||
        (annotation.kind === 'exclude' && annotation.envs.includes(env)) ||
        (annotation.kind === 'override' && annotation.env === env);
      if (acts) out.push({ annotation, member, memberSpan, blockSpan, block });
    }
  };
  for (const block of [...schema.enums, ...schema.models, ...schema.views, ...schema.types]) {
    add(block.docs, `${block.kind} ${block.name}`, block.lineSpan, block.lineSpan, block.name);
    if (block.kind === 'enum') {
      for (const v of block.values) add(v.docs, `${block.name}.${v.name}`, v.lineSpan, block.lineSpan, block.name);
    } else {
      for (const f of block.fields) add(f.docs, `${block.name}.${f.name}`, f.lineSpan, block.lineSpan, block.name);
    }
    for (const a of block.attributes) add(a.docs, `@@${a.name} on ${block.name}`, a.lineSpan, block.lineSpan, block.name);
  }
  return out;
}

function annotationText(a: Annotation): string {
  switch (a.kind) {
    case 'only':
      return `@steward.only(${a.envs.join(', ')})`;
    case 'exclude':
      return `@steward.exclude(${a.envs.join(', ')})${a.attributes.map((n) => ` @${n}`).join('')}`;
    case 'override':
      return `@steward.override(${a.env})`;
    case 'renamedFrom':
      return `@steward.renamedFrom("${a.from}")`;
    case 'transition':
      return `@steward.transition(${(['from', 'drop', 'dropTable', 'backfill', 'sqlite'] as const)
        .filter((key) => a[key] !== undefined)
        .map((key) => `${key}: "${a[key]}"`)
        .join(', ')})`;
  }
}

function firstLine(message: string): string {
  return message
    .replace(/^Error validating[^:]*:\s*/, '')
    .split('\n')[0]
    .trim();
}
