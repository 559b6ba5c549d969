import { createRequire } from 'node:module';
import { StewardError, isStewardError } from '../errors/index.js';
import { lineAt, lineStartsOf, withLoneCrAsLf } from '../schema/lines.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../schema/model.js';
import { ENGINE_MAJOR, type PrismaMajor } from './major.js';
import { originalOffset, prepareForValidator } from './validator-input.js';
import { PROVIDERS } from '../providers/provider.js';

/**
 * Prisma's own schema validator and formatter (@prisma/prisma-schema-wasm), used as a library:
 * no engine binary, no network. One validator per supported Prisma major, each loaded lazily
 * (instantiating a wasm costs ~30 ms); formatting always uses steward's own (7).
 */

interface PrismaSchemaWasm {
  lint(input: string): string;
  validate(params: string): void;
  format(schema: string, params: string): string;
  get_config(params: string): string;
  preview_features(): string;
}

/** The pinned validator of each major (npm aliases in package.json). */
const VALIDATOR_PACKAGES: Record<PrismaMajor, string> = {
  5: 'prisma-schema-wasm-5', // @prisma/prisma-schema-wasm of Prisma 5.22.0
  6: 'prisma-schema-wasm-6', // @prisma/prisma-schema-wasm of Prisma 6.19.3
  7: '@prisma/prisma-schema-wasm', // the version steward's own engines use
};

const instances = new Map<PrismaMajor, PrismaSchemaWasm>();

/** Only the majors asked for are loaded. */
function engine(major: PrismaMajor = ENGINE_MAJOR): PrismaSchemaWasm {
  let instance = instances.get(major);
  if (!instance) {
    const require = createRequire(import.meta.url);
    instance = require(VALIDATOR_PACKAGES[major]) as PrismaSchemaWasm;
    instances.set(major, instance);
  }
  return instance;
}

/**
 * Runs `fn` on the major's validator. A wasm trap (a Rust panic is `RuntimeError: unreachable`;
 * also out of bounds or out of memory) leaves the instance's memory in an unknown state, and
 * every later call on it fails too: the instance is dropped, with Node's module cache entry that
 * instantiated it, so the next call loads a fresh one (`generate --watch` keeps working).
 */
const WasmRuntimeError = (globalThis as unknown as { WebAssembly: { RuntimeError: new (message?: string) => Error } }).WebAssembly.RuntimeError;

function call<T>(major: PrismaMajor, fn: (wasm: PrismaSchemaWasm) => T): T {
  const instance = engine(major);
  try {
    return fn(instance);
  } catch (error) {
    if (!(error instanceof WasmRuntimeError)) throw error;
    if (instances.get(major) === instance) {
      instances.delete(major);
      const require = createRequire(import.meta.url);
      delete require.cache[require.resolve(VALIDATOR_PACKAGES[major])];
    }
    throw new StewardError('INTERNAL', `Prisma ${major}'s schema validator crashed (${error.message}); it is reloaded for the next call`, { cause: error });
  }
}

interface LintEntry {
  file_name: string;
  start: number;
  end: number;
  text: string;
  is_warning: boolean;
}

export interface PrismaValidateOptions {
  /** The Prisma major whose validator judges the schema. Default 7 (steward's own). */
  major?: PrismaMajor;
  /**
   * Accept a master written for another major's datasource style: Prisma 6 URLs (`url`,
   * `directUrl`, `shadowDatabaseUrl`) under Prisma 7, and no URL under Prisma 5 or 6.
   */
  allowDatasourceUrls?: boolean;
  /**
   * Preview features the major does not know are reported as warnings and taken out before
   * validating, so they hide no other error. Default: they are errors.
   */
  lenientPreviewFeatures?: boolean;
  /** Also report Prisma's warnings (slower: always runs the linter). */
  warnings?: boolean;
}

/**
 * Runs the major's Prisma validator over the files and returns its findings as Diagnostics with
 * file:line:col. An empty list means Prisma accepts the schema.
 */
export function prismaValidate(files: SourceFile[], options: PrismaValidateOptions = {}): Diagnostic[] {
  const major = options.major ?? ENGINE_MAJOR;
  const known = options.lenientPreviewFeatures ? new Set(knownPreviewFeatures(major)) : undefined;
  const ensureUrl = options.allowDatasourceUrls === true && major < 7;
  const prepared = files.map((f) => ({
    path: f.path,
    original: f.text,
    // Lone CR line ends as LF (same length): the URL and preview-feature blanking reads lines by LF.
    ...prepareForValidator(withLoneCrAsLf(f.text), { blankUrls: options.allowDatasourceUrls === true && major >= 7, ensureUrl, knownPreviewFeatures: known }),
  }));
  const diagnostics: Diagnostic[] = [];
  for (const f of prepared) {
    for (const removed of f.removedPreviewFeatures) {
      diagnostics.push({
        source: 'validate',
        code: 'P1012',
        severity: 'warning',
        message: `The preview feature "${removed.name}" is not known to Prisma ${major}; steward leaves it out of the environments`,
        location: {
          file: f.path,
          ...lineColumn(lineStartsOf(f.original), f.original, removed.start),
          ...endOf(lineStartsOf(f.original), f.original, removed.end),
        },
      });
    }
  }
  if (!options.warnings) {
    // Fast path: validate() alone is half the cost of lint(); lint() runs only to locate errors.
    try {
      call(major, (wasm) => wasm.validate(JSON.stringify({ prismaSchema: prepared.map((f) => [f.path, f.text]), noColor: true })));
      return diagnostics;
    } catch (error) {
      if (isStewardError(error)) throw error; // the validator crashed
      // refused: located below
    }
  }
  const entries = JSON.parse(call(major, (wasm) => wasm.lint(JSON.stringify(prepared.map((f) => [f.path, f.text]))))) as LintEntry[];
  const byPath = new Map(prepared.map((f) => [f.path, f]));
  // One line index per file: 20,000 errors in one file must not each scan it from the start.
  const lineIndexes = new Map<string, number[]>();
  for (const entry of entries) {
    const file = byPath.get(entry.file_name);
    const text = file?.original ?? '';
    let starts = lineIndexes.get(entry.file_name);
    if (!starts) lineIndexes.set(entry.file_name, (starts = lineStartsOf(text)));
    const start = file ? originalOffset(file, entry.start) : entry.start;
    const end = file ? originalOffset(file, entry.end) : entry.end;
    diagnostics.push({
      source: 'validate',
      code: entry.is_warning ? 'prisma-warning' : 'P1012',
      severity: entry.is_warning ? 'warning' : 'error',
      message: entry.text,
      location: { file: entry.file_name, ...lineColumn(starts, text, start), ...endOf(starts, text, end) },
    });
  }
  // lint() and validate() share Prisma's validation pipeline: lint() reports the same errors,
  // with locations, plus the warnings, so it needs no confirmation by validate().
  return diagnostics;
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
  const out = call(ENGINE_MAJOR, (wasm) => wasm.format(JSON.stringify([[path, text]]), params));
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

const knownFeatures = new Map<PrismaMajor, string[]>();

/**
 * Preview features a Prisma major accepts (default: steward's own, 7). `preview_features()`
 * lists only the active ones; provider-specific ones (`fullTextSearchPostgres`) are accepted
 * too: the validator names them when it refuses an unknown feature, so it is asked, once per
 * provider, with one that does not exist.
 */
export function knownPreviewFeatures(major: PrismaMajor = ENGINE_MAJOR): string[] {
  let known = knownFeatures.get(major);
  if (!known) {
    const names = new Set(JSON.parse(call(major, (wasm) => wasm.preview_features())) as string[]);
    for (const provider of PROVIDERS) {
      const probe = `generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["stewardProbe"]\n}\n\ndatasource db {\n  provider = "${provider}"\n${major < 7 ? '  url      = env("DATABASE_URL")\n' : ''}}\n`;
      try {
        call(major, (wasm) => wasm.validate(JSON.stringify({ prismaSchema: [['probe.prisma', probe]], noColor: true })));
      } catch (error) {
        if (isStewardError(error)) throw error;
        const expected = /Expected one of: ([^\n]*)/.exec(engineMessage(error))?.[1];
        for (const name of expected?.split(',') ?? []) if (name.trim()) names.add(name.trim());
      }
    }
    known = [...names].sort();
    knownFeatures.set(major, known);
  }
  return known;
}

/** The text of a wasm validator's error (a JSON object with a `message`, or plain text). */
function engineMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  try {
    return (JSON.parse(raw) as { message?: string }).message ?? raw;
  } catch {
    return raw;
  }
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
