/**
 * Generated sections in markdown live between markers:
 *
 *   <!-- steward:model Conversation -->  ...  <!-- /steward:model -->
 *   <!-- steward:schema -->              ...  <!-- /steward:schema -->
 *
 * Only the text between a pair is ever rewritten. Other tools that read markdown (the audit of
 * design docs) skip these sections with `maskGeneratedSections`, so generated reference tables
 * are never taken for design claims.
 */

export type SectionKind = 'model' | 'schema';

export interface MarkedSection {
  kind: SectionKind;
  /** Model name for `model` sections. */
  name?: string;
  /** Offsets of the text between the opening and the closing marker. */
  contentStart: number;
  contentEnd: number;
  /** 1-based line and column of the opening marker. */
  line: number;
  column: number;
}

export type MarkerProblemCode = 'docs-marker-unclosed' | 'docs-marker-unopened' | 'docs-marker-nested' | 'docs-marker-malformed';

export interface MarkerProblem {
  code: MarkerProblemCode;
  message: string;
  line: number;
  column: number;
}

export interface MarkerScan {
  sections: MarkedSection[];
  problems: MarkerProblem[];
}

const MARKER = /<!--\s*(\/?)steward:([A-Za-z]+)([^>]*?)-->/g;

/** Finds every generated section. Markers inside fenced code blocks are examples, not markers. */
export function scanMarkers(text: string): MarkerScan {
  const sections: MarkedSection[] = [];
  const problems: MarkerProblem[] = [];
  const fences = fencedRanges(text);
  let open: { kind: SectionKind; name?: string; contentStart: number; line: number; column: number } | undefined;
  for (const m of text.matchAll(MARKER)) {
    const offset = m.index!;
    if (fences.some(([s, e]) => offset >= s && offset < e)) continue;
    // `<!-- steward:model X -->` in an inline code span is prose about markers, not a marker.
    if (text[offset - 1] === '`' || text[offset + m[0].length] === '`') continue;
    const { line, column } = position(text, offset);
    const [, slash, keyword, rest] = m;
    const args = rest.trim();
    // Other features own other markers (`steward:changes` in the changelog).
    if (keyword !== 'model' && keyword !== 'schema') continue;
    if (slash) {
      if (!open) {
        problems.push({ code: 'docs-marker-unopened', message: `Closing marker /steward:${keyword} without an opening marker`, line, column });
      } else if (open.kind !== keyword) {
        problems.push({
          code: 'docs-marker-unopened',
          message: `Closing marker /steward:${keyword} closes a steward:${open.kind} section (line ${open.line})`,
          line,
          column,
        });
        open = undefined;
      } else {
        sections.push({ ...open, contentEnd: offset });
        open = undefined;
      }
      continue;
    }
    if (open) {
      problems.push({
        code: 'docs-marker-nested',
        message: `steward:${keyword} opens inside the steward:${open.kind} section of line ${open.line}, which is not closed`,
        line,
        column,
      });
      open = undefined;
    }
    if (keyword === 'model') {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(args)) {
        problems.push({
          code: 'docs-marker-malformed',
          message: `steward:model needs one model name (<!-- steward:model Conversation -->), got '${args}'`,
          line,
          column,
        });
        continue;
      }
      open = { kind: 'model', name: args, contentStart: offset + m[0].length, line, column };
    } else {
      if (args !== '') {
        problems.push({ code: 'docs-marker-malformed', message: `steward:schema takes no argument, got '${args}'`, line, column });
        continue;
      }
      open = { kind: 'schema', contentStart: offset + m[0].length, line, column };
    }
  }
  if (open)
    problems.push({
      code: 'docs-marker-unclosed',
      message: `steward:${open.kind}${open.name ? ` ${open.name}` : ''} is never closed (add <!-- /steward:${open.kind} -->)`,
      line: open.line,
      column: open.column,
    });
  return { sections, problems };
}

/**
 * The text with every generated section's content blanked (newlines kept, so line numbers of
 * everything else are unchanged). For tools that must not read generated text as prose.
 */
export function maskGeneratedSections(text: string): string {
  const { sections } = scanMarkers(text);
  if (sections.length === 0) return text;
  let out = '';
  let last = 0;
  for (const s of sections) {
    out += text.slice(last, s.contentStart) + text.slice(s.contentStart, s.contentEnd).replace(/[^\n]/g, ' ');
    last = s.contentEnd;
  }
  return out + text.slice(last);
}

function fencedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const re = /^( {0,3})(`{3,}|~{3,})[^\n]*$/gm;
  let start: number | undefined;
  let fence = '';
  for (const m of text.matchAll(re)) {
    if (start === undefined) {
      start = m.index!;
      fence = m[2];
    } else if (m[2][0] === fence[0] && m[2].length >= fence.length && m[0].trim() === m[2]) {
      ranges.push([start, m.index! + m[0].length]);
      start = undefined;
    }
  }
  if (start !== undefined) ranges.push([start, text.length]);
  return ranges;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
