import { createRequire } from 'node:module';
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
}

const DATASOURCE_URL_KEYS = ['url', 'directUrl', 'shadowDatabaseUrl'];

/**
 * Runs Prisma's validator over the files and returns its findings as Diagnostics with
 * file:line:col. An empty list means Prisma accepts the schema.
 */
export function prismaValidate(files: SourceFile[], options: PrismaValidateOptions = {}): Diagnostic[] {
  const prepared = files.map((f) => ({ path: f.path, text: options.allowDatasourceUrls ? blankDatasourceUrls(f.text) : f.text }));
  const input = JSON.stringify(prepared.map((f) => [f.path, f.text]));
  const entries = JSON.parse(engine().lint(input)) as LintEntry[];
  const byPath = new Map(prepared.map((f) => [f.path, f.text]));
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    let severity: Diagnostic['severity'] = entry.is_warning ? 'warning' : 'error';
    if (options.lenientPreviewFeatures && /preview feature/i.test(entry.text)) severity = 'warning';
    const text = byPath.get(entry.file_name) ?? '';
    diagnostics.push({
      source: 'validate',
      code: entry.is_warning ? 'prisma-warning' : 'P1012',
      severity,
      message: entry.text,
      location: { file: entry.file_name, ...lineColumn(text, entry.start), ...endOf(text, entry.end) },
    });
  }
  if (!diagnostics.some((d) => d.severity === 'error')) {
    // lint() and validate() share the pipeline; validate() is the authority, so confirm.
    try {
      engine().validate(JSON.stringify({ prismaSchema: prepared.map((f) => [f.path, f.text]), noColor: true }));
    } catch (error) {
      const parsed = parseEngineError(error);
      const lenient = options.lenientPreviewFeatures && /preview feature/i.test(parsed);
      if (!lenient) diagnostics.push({ source: 'validate', code: 'P1012', severity: 'error', message: parsed, location: { file: prepared[0]?.path ?? 'schema.prisma', line: 1, column: 1 } });
    }
  }
  return diagnostics;
}

/** Formats a schema with Prisma's formatter. Returns the input unchanged if Prisma cannot parse it. */
export function prismaFormat(text: string, path = 'schema.prisma'): string {
  const params = JSON.stringify({ textDocument: { uri: `file:///${path}` }, options: { tabSize: 2, insertSpaces: true } });
  const out = engine().format(JSON.stringify([[path, text]]), params);
  try {
    const parsed = JSON.parse(out) as [string, string][];
    return parsed[0]?.[1] ?? text;
  } catch {
    return out;
  }
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

/** Replaces datasource URL properties with spaces, keeping every offset and line intact. */
function blankDatasourceUrls(text: string): string {
  return text.replace(/(datasource\s+\w+\s*\{)([\s\S]*?)(\n\s*\})/g, (_all, open: string, body: string, close: string) => {
    const blanked = body.replace(new RegExp(`^([ \\t]*)(${DATASOURCE_URL_KEYS.join('|')})\\b[^\\n]*`, 'gm'), (line) => ' '.repeat(line.length));
    return open + blanked + close;
  });
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function endOf(text: string, offset: number): { endLine: number; endColumn: number } {
  const { line, column } = lineColumn(text, offset);
  return { endLine: line, endColumn: column };
}
