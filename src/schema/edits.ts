import type { TextEdit } from '../diagnostics/diagnostic.js';

/**
 * Applies text edits to one file's text. Offsets refer to the original text. An edit that lies inside a larger edit (a field edit inside a removed model) is
 * dropped: the larger edit wins. Two partially overlapping edits are a bug of the caller.
 */
export function applyEdits(text: string, edits: readonly Omit<TextEdit, 'file'>[]): string {
  const kept = keptEdits(edits);
  // One pass, forward: linear in the text size however many edits there are.
  const parts: string[] = [];
  let at = 0;
  for (const e of kept) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * The edits applyEdits applies, in order: sorted by start, those inside a larger edit dropped.
 * Also used to map offsets of the edited text back to the original.
 */
export function keptEdits<E extends Omit<TextEdit, 'file'>>(edits: readonly E[]): E[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: E[] = [];
  let coverEnd = -1;
  for (const edit of sorted) {
    if (kept.length > 0 && edit.start >= kept[kept.length - 1].start && edit.end <= coverEnd && !(edit.start === edit.end && edit.start === coverEnd)) {
      continue; // contained in the previous edit
    }
    if (edit.start < coverEnd) {
      throw new Error(`Overlapping edits at ${edit.start}-${edit.end} and ending ${coverEnd}`);
    }
    kept.push(edit);
    coverEnd = Math.max(coverEnd, edit.end);
  }
  return kept;
}
