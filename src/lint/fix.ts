import type { Diagnostic, TextEdit } from '../diagnostics/diagnostic.js';
import { isSafeFixKind } from '../diagnostics/fix-kind.js';
import { StewardError } from '../errors/index.js';
import { applyEdits } from '../schema/edits.js';
import type { SourceFile } from '../schema/model.js';
import { parseSchema } from '../schema/parse.js';
import { type LintRunOptions, lintSchema } from './engine.js';
import type { LintConfig } from './settings.js';

export interface FixResult {
  /** The files after fixing (same order and paths). */
  files: SourceFile[];
  /** Findings whose fix was applied, from every pass. */
  applied: Diagnostic[];
  /** Findings left after the last pass. */
  remaining: Diagnostic[];
  passes: number;
}

const MAX_PASSES = 10;

export interface FixOptions extends LintRunOptions {
  /** Also apply the fixes that change the database in a way that can break readers (renames). */
  unsafe?: boolean;
  /**
   * Prisma's formatter (src/prisma/schema-wasm.ts), run on every model a fix edited so its
   * columns stay aligned; models no fix touched are left as written.
   */
  format?: (text: string, path: string) => string;
}

/**
 * Applies the fixes the linter offers, as text edits on the schema files: the safe ones (schema
 * only, or purely additive in the database), and with `unsafe` the others too (renames). Fixes whose edits
 * overlap one already taken wait for the next pass, which lints the edited text again; it
 * stops when a pass has nothing left to fix, so a second run changes nothing.
 */
export function fixSchemaFiles(files: readonly SourceFile[], config: LintConfig, options: FixOptions = {}): FixResult {
  const result = applyFixPasses(files, config, options);
  if (!options.format || result.applied.length === 0) return result;
  const formatted = formatEditedModels(files, result.files, options.format);
  if (formatted.every((f, i) => f.text === result.files[i].text)) return result;
  return { ...result, files: formatted, remaining: lintSchema(parseSchema(formatted), config, options) };
}

function applyFixPasses(files: readonly SourceFile[], config: LintConfig, options: FixOptions): FixResult {
  let current = files.map((f) => ({ ...f }));
  const applied: Diagnostic[] = [];
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const diagnostics = lintSchema(parseSchema(current), config, options);
    const chosen = chooseFixes(diagnostics, options.unsafe === true);
    if (chosen.length === 0) return { files: current, applied, remaining: diagnostics, passes: pass };
    const byFile = new Map<string, TextEdit[]>();
    for (const d of chosen) {
      for (const e of d.fix!.edits) {
        let list = byFile.get(e.file);
        if (!list) byFile.set(e.file, (list = []));
        list.push(e);
      }
    }
    current = current.map((f) => (byFile.has(f.path) ? { path: f.path, text: applyEdits(f.text, oneBlankLinePerPoint(mapLast(byFile.get(f.path)!))) } : f));
    applied.push(...chosen);
    try {
      parseSchema(current);
    } catch (error) {
      throw new StewardError('INTERNAL', `A lint fix produced a schema that does not parse (${chosen.map((d) => d.code).join(', ')})`, { cause: error });
    }
  }
  return { files: current, applied, remaining: lintSchema(parseSchema(current), config, options), passes: MAX_PASSES };
}

/** Fixes whose edits do not overlap each other, in report order; unsafe ones only when asked. */
function chooseFixes(diagnostics: readonly Diagnostic[], unsafe: boolean): Diagnostic[] {
  const taken = new Map<string, TextEdit[]>();
  const chosen: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!d.fix || d.fix.edits.length === 0) continue;
    if (!unsafe && !isSafeFixKind(d.fix.kind)) continue;
    if (d.fix.edits.some((e) => (taken.get(e.file) ?? []).some((t) => overlaps(e, t)))) continue;
    for (const e of d.fix.edits) {
      let list = taken.get(e.file);
      if (!list) taken.set(e.file, (list = []));
      list.push(e);
    }
    chosen.push(d);
  }
  return chosen;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false; // two insertions at one point keep their order
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Block attributes inserted at one point keep Prisma's order: `@@map` after `@@index` and `@@unique`. */
function mapLast(edits: TextEdit[]): TextEdit[] {
  const isMap = (e: TextEdit) => e.start === e.end && e.text.trimStart().startsWith('@@map(');
  return [...edits.filter((e) => !isMap(e)), ...edits.filter(isMap)];
}

/**
 * Runs the formatter on each model whose text the fixes changed, and only on those: a fix on one
 * model does not reformat a file its author laid out by hand. A model the formatter cannot read
 * is left as the fixes wrote it.
 */
function formatEditedModels(before: readonly SourceFile[], after: readonly SourceFile[], format: (text: string, path: string) => string): SourceFile[] {
  const original = new Map<string, string>();
  const parsed = parseSchema([...before]);
  for (const m of [...parsed.models, ...parsed.views, ...parsed.types]) original.set(m.name, blockText(before, m.span));
  const fixed = parseSchema([...after]);
  const edits = new Map<string, TextEdit[]>();
  for (const model of [...fixed.models, ...fixed.views, ...fixed.types]) {
    const text = blockText(after, model.span);
    if (original.get(model.name) === text) continue;
    let formatted: string;
    try {
      formatted = format(text, model.span.file).replace(/\n+$/, '');
    } catch {
      continue;
    }
    if (formatted === text || !/^(model|view|type)\s/.test(formatted)) continue;
    let list = edits.get(model.span.file);
    if (!list) edits.set(model.span.file, (list = []));
    list.push({ file: model.span.file, start: model.span.start, end: model.span.end, text: formatted });
  }
  return after.map((f) => (edits.has(f.path) ? { path: f.path, text: applyEdits(f.text, edits.get(f.path)!) } : f));
}

function blockText(files: readonly SourceFile[], span: { file: string; start: number; end: number }): string {
  return files.find((f) => f.path === span.file)!.text.slice(span.start, span.end);
}

/**
 * Insertions that start with a blank line (a first block attribute) ask for one blank line
 * before the new lines; several at the same point in one pass need it only once.
 */
function oneBlankLinePerPoint(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<number>();
  return edits.map((e) => {
    if (e.start !== e.end || !e.text.startsWith('\n')) return e;
    if (!seen.has(e.start)) {
      seen.add(e.start);
      return e;
    }
    return { ...e, text: e.text.slice(1) };
  });
}
