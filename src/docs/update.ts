import { type MarkedSection, type MarkerProblemCode, scanMarkers } from './markers.js';

export type DocsProblemCode = MarkerProblemCode | 'docs-unknown-model';

export interface SectionState {
  kind: MarkedSection['kind'];
  name?: string;
  line: number;
  column: number;
  stale: boolean;
}

export interface DocumentUpdate {
  /** The updated text (equal to the input when nothing is stale or the markers are broken). */
  text: string;
  sections: SectionState[];
  problems: { code: DocsProblemCode; message: string; line: number; column: number }[];
}

/**
 * Replaces the content of every generated section with `render(section)`. Pure. Text outside
 * markers is never touched; a document with broken markers or an unknown model is left as is.
 */
export function updateDocument(text: string, render: (section: MarkedSection) => string | undefined): DocumentUpdate {
  const scan = scanMarkers(text);
  const problems: DocumentUpdate['problems'] = [...scan.problems];
  const crlf = text.includes('\r\n');
  const sections: SectionState[] = [];
  let out = '';
  let last = 0;
  for (const s of scan.sections) {
    let content = render(s);
    if (content === undefined) {
      problems.push({
        code: 'docs-unknown-model',
        message: `steward:model ${s.name}: the master schema has no model, view or type named ${s.name}`,
        line: s.line,
        column: s.column,
      });
      content = text.slice(s.contentStart, s.contentEnd);
    } else if (crlf) content = content.replace(/\r?\n/g, '\r\n');
    const current = text.slice(s.contentStart, s.contentEnd);
    sections.push({ kind: s.kind, name: s.name, line: s.line, column: s.column, stale: current !== content });
    out += text.slice(last, s.contentStart) + content;
    last = s.contentEnd;
  }
  out += text.slice(last);
  return { text: problems.length > 0 ? text : out, sections, problems };
}
