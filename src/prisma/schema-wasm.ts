import { createRequire } from 'node:module';
import { lineAt, lineStartsOf } from '../schema/lines.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../schema/model.js';

/**
 * Prisma's own schema validator and formatter (@prisma/prisma-schema-wasm), used as a library:
 * no engine binary, no network. Loaded lazily because instantiating the wasm costs ~30 ms.
 */

interface PrismaSchemaWasm {
  lint(input: string): string;
  validate(params: string): void;
  format(schema: string, params: string): string;
  get_config(params: string): string;
  preview_features(): string;
}

let wasm: PrismaSchemaWasm | undefined;

function engine(): PrismaSchemaWasm {
  if (!wasm) {
    const require = createRequire(import.meta.url);
    wasm = require('@prisma/prisma-schema-wasm') as PrismaSchemaWasm;
  }
  return wasm;
}

interface LintEntry {
  file_name: string;
  start: number;
  end: number;
  text: string;
  is_warning: boolean;
}

export interface PrismaValidateOptions {
  /** Accept Prisma 6 datasource URLs (`url`, `directUrl`, `shadowDatabaseUrl`) that Prisma 7 rejects. */
  allowDatasourceUrls?: boolean;
  /** Report unknown or renamed preview features as warnings instead of errors (Prisma 6 input). */
  lenientPreviewFeatures?: boolean;
  /** Also report Prisma's warnings (slower: always runs the linter). */
  warnings?: boolean;
}

const DATASOURCE_URL_KEYS = ['url', 'directUrl', 'shadowDatabaseUrl'];

/**
 * Runs Prisma's validator over the files and returns its findings as Diagnostics with
 * file:line:col. An empty list means Prisma accepts the schema.
 */
export function prismaValidate(files: SourceFile[], options: PrismaValidateOptions = {}): Diagnostic[] {
  const prepared = files.map((f) => ({ path: f.path, text: options.allowDatasourceUrls ? blankDatasourceUrls(f.text) : f.text }));
  if (!options.warnings) {
    // Fast path: validate() alone is half the cost of lint(); lint() runs only to locate errors.
    try {
      engine().validate(JSON.stringify({ prismaSchema: prepared.map((f) => [f.path, f.text]), noColor: true }));
      return [];
    } catch (error) {
      if (options.lenientPreviewFeatures && onlyPreviewFeatureErrors(parseEngineError(error))) return [];
    }
  }
  const entries = JSON.parse(engine().lint(JSON.stringify(prepared.map((f) => [f.path, f.text])))) as LintEntry[];
  const byPath = new Map(prepared.map((f) => [f.path, f.text]));
  // One line index per file: 20,000 errors in one file must not each scan it from the start.
  const lineIndexes = new Map<string, number[]>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    let severity: Diagnostic['severity'] = entry.is_warning ? 'warning' : 'error';
    if (options.lenientPreviewFeatures && /preview feature/i.test(entry.text)) severity = 'warning';
    const text = byPath.get(entry.file_name) ?? '';
    let starts = lineIndexes.get(entry.file_name);
    if (!starts) lineIndexes.set(entry.file_name, (starts = lineStartsOf(text)));
    diagnostics.push({
      source: 'validate',
      code: entry.is_warning ? 'prisma-warning' : 'P1012',
      severity,
      message: entry.text,
      location: { file: entry.file_name, ...lineColumn(starts, text, entry.start), ...endOf(starts, text, entry.end) },
    });
  }
  // lint() and validate() share Prisma's validation pipeline: lint() reports the same errors,
  // with locations, plus the warnings, so it needs no confirmation by validate().
  return diagnostics;
}

/** True when every error in a validate() message is about preview features. */
function onlyPreviewFeatureErrors(message: string): boolean {
  const errors = message.split(/\n(?=error: )/).filter((e) => e.startsWith('error: ') || e.includes('error: '));
  return errors.length > 0 && errors.every((e) => /preview feature/i.test(e.split('\n')[0]));
}

/**
 * Formats a schema with Prisma's formatter. Returns the input unchanged if Prisma cannot parse it.
 *
 * Large texts are formatted in chunks of whole top-level blocks: formatting aligns columns
 * within a block only, and the wasm formatter's memory grows with its input (138 MB for a
 * 3,000-model schema in one piece). Tests check that chunked and whole results are identical.
 */
export function prismaFormat(text: string, path = 'schema.prisma', options: { chunkSize?: number } = {}): string {
  const chunkSize = options.chunkSize ?? 256_000;
  if (text.length <= chunkSize) return formatOne(text, path);
  return splitAtBlocks(text, chunkSize)
    .map((chunk) => formatOne(chunk, path))
    .map((formatted, i, all) => (i < all.length - 1 ? formatted.replace(/\n*$/, '\n\n') : formatted))
    .join('');
}

function formatOne(text: string, path: string): string {
  const params = JSON.stringify({ textDocument: { uri: `file:///${path}` }, options: { tabSize: 2, insertSpaces: true } });
  const out = engine().format(JSON.stringify([[path, text]]), params);
  try {
    const parsed = JSON.parse(out) as [string, string][];
    return parsed[0]?.[1] ?? text;
  } catch {
    return out;
  }
}

/** Splits after lines that close a top-level block (`}` in column 1), near every `size` characters. */
function splitAtBlocks(text: string, size: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    const close = text.indexOf('\n}', start + size);
    if (close === -1) break;
    const end = text.indexOf('\n', close + 2);
    if (end === -1) break;
    chunks.push(text.slice(start, end + 1));
    start = end + 1;
  }
  const rest = text.slice(start);
  if (rest.trim() === '' && chunks.length > 0) chunks[chunks.length - 1] += rest;
  else chunks.push(rest);
  return chunks;
}

/** Preview features the bundled Prisma version knows. */
export function knownPreviewFeatures(): string[] {
  return JSON.parse(engine().preview_features()) as string[];
}

function parseEngineError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(raw) as { message?: string };
    return parsed.message ?? raw;
  } catch {
    return raw;
  }
}

/**
 * Replaces datasource URL properties with spaces, keeping every offset and line intact. A block
 * ends at the first line that starts with `}`; found by scanning forward once (linear even when
 * a block is never closed, or the text holds thousands of `datasource x {`).
 */
export function blankDatasourceUrls(text: string): string {
  const opening = /datasource\s+\w+\s*\{/g;
  const urlLine = new RegExp(`^([ \\t]*)(${DATASOURCE_URL_KEYS.join('|')})\\b[^\\n]*`, 'gm');
  let out = '';
  let copied = 0;
  for (let m = opening.exec(text); m; m = opening.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const close = closingLine(text, bodyStart);
    if (close === -1) break;
    out += text.slice(copied, bodyStart) + text.slice(bodyStart, close).replace(urlLine, (line) => ' '.repeat(line.length));
    copied = close;
    opening.lastIndex = close;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Offset of the newline before the first line (after `from`) whose first non-blank character is `}`, or -1. */
function closingLine(text: string, from: number): number {
  for (let nl = text.indexOf('\n', from); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    let i = nl + 1;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++;
    if (text[i] === '}') return nl;
  }
  return -1;
}

function lineColumn(starts: readonly number[], text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const line = lineAt(starts, clamped);
  return { line: line + 1, column: clamped - starts[line] + 1 };
}

function endOf(starts: readonly number[], text: string, offset: number): { endLine: number; endColumn: number } {
  const { line, column } = lineColumn(starts, text, offset);
  return { endLine: line, endColumn: column };
}
