import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The findings of `head` that `base` did not have: what a change introduces. Findings are
 * matched by what they say (source, code, environment, model, field, message with line numbers
 * removed), not where, so a finding that only moved because lines were inserted above it is not
 * new. Counted: a second instance of a finding the base had once is new. Pure.
 */
export function newFindings(base: readonly Diagnostic[], head: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>();
  for (const d of base) seen.set(identity(d), (seen.get(identity(d)) ?? 0) + 1);
  const out: Diagnostic[] = [];
  for (const d of head) {
    const key = identity(d);
    const n = seen.get(key) ?? 0;
    if (n > 0) seen.set(key, n - 1);
    else out.push(d);
  }
  return out;
}

function identity(d: Diagnostic): string {
  const message = d.message.replace(/:\d+(:\d+)?\b/g, '').replace(/\bline \d+/g, 'line');
  return [d.source, d.code, d.env ?? '', d.model ?? '', d.field ?? '', message].join('\u0000');
}
