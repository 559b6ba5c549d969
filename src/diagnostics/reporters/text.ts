import { countBySeverity, type Diagnostic } from '../diagnostic.js';
import { describeFixKind } from '../fix-kind.js';
import type { ReportContext, Reporter } from './types.js';

/** Terminal output: `file:line:col severity message [code]`, a code frame, notes. */
export const textReporter: Reporter = (diagnostics, context) => {
  const { style } = context;
  const out: string[] = [];
  for (const d of diagnostics) {
    const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : '';
    const sev = d.severity === 'error' ? style.red('error') : d.severity === 'warning' ? style.yellow('warning') : style.blue('info');
    const scope = d.env ? style.dim(` (${d.env})`) : '';
    out.push(`${where ? `${style.bold(where)} ` : ''}${sev} ${d.message}${scope} ${style.dim(`[${d.code}]`)}`);
    const frame = codeFrame(d, context);
    if (frame) out.push(frame);
    for (const note of d.notes ?? []) out.push(`  ${style.dim('=')} ${note}`);
    if (d.fix) out.push(`  ${style.dim(`fix (${describeFixKind(d.fix.kind)}):`)} ${d.fix.description}`);
  }
  const c = countBySeverity(diagnostics);
  if (diagnostics.length > 0) out.push('');
  out.push(summaryLine(c, context));
  return out.join('\n') + '\n';
};

function summaryLine(c: Record<'error' | 'warning' | 'info', number>, { style }: ReportContext): string {
  const parts = [`${c.error} error${c.error === 1 ? '' : 's'}`, `${c.warning} warning${c.warning === 1 ? '' : 's'}`];
  if (c.info) parts.push(`${c.info} info`);
  const text = parts.join(', ');
  return c.error > 0 ? style.red(text) : c.warning > 0 ? style.yellow(text) : style.green(text);
}

/** Two lines of context around the location, with a caret under the span. */
export function codeFrame(d: Diagnostic, { sources, style }: ReportContext): string | undefined {
  if (!d.location || !sources) return undefined;
  const text = sources.get(d.location.file);
  if (text === undefined) return undefined;
  const lines = sourceLines(sources, d.location.file, text);
  const line = d.location.line;
  if (line < 1 || line > lines.length) return undefined;
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  const col = Math.max(1, d.location.column);
  // A long line (minified, generated, hostile) is shown as a window around the column.
  const from = Math.max(0, col - 1 - FRAME_CONTEXT);
  for (let n = first; n <= last; n++) {
    const marker = n === line ? style.red('>') : ' ';
    out.push(`  ${marker} ${style.dim(String(n).padStart(width))} | ${frameWindow(lines[n - 1], from)}`);
    if (n === line) {
      const endCol = d.location.endLine === line && d.location.endColumn && d.location.endColumn > col ? d.location.endColumn : col + 1;
      const shift = from > 0 ? from - 1 : 0; // the window's leading '…' takes one column
      const carets = Math.min(Math.max(1, endCol - col), FRAME_WIDTH);
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(col - 1 - shift)}${style.red('^'.repeat(carets))}`);
    }
  }
  return out.join('\n');
}

const FRAME_WIDTH = 160;
const FRAME_CONTEXT = 60;

function frameWindow(text: string, from: number): string {
  if (from === 0 && text.length <= FRAME_WIDTH) return text;
  const shown = text.slice(from, from + FRAME_WIDTH);
  return `${from > 0 ? '…' : ''}${shown}${from + FRAME_WIDTH < text.length ? '…' : ''}`;
}

/** Source lines split once per sources map and file: thousands of findings in one large file stay linear. */
const splitSources = new WeakMap<Map<string, string>, Map<string, string[]>>();
function sourceLines(sources: Map<string, string>, file: string, text: string): string[] {
  let files = splitSources.get(sources);
  if (!files) splitSources.set(sources, (files = new Map()));
  let lines = files.get(file);
  if (!lines) files.set(file, (lines = text.split('\n')));
  return lines;
}
