/**
 * A schema text prepared for one major's validator, with a map back to the user's offsets.
 * Pure text work, linear in the text's length: no parse (the validator parses it next).
 *
 * - Prisma 7 refuses datasource URLs: they are blanked (same length, so no offset moves).
 * - Prisma 5 and 6 require one: a placeholder `url` line is inserted when none is written
 *   (a Prisma 7 style master validated for a Prisma 6 target); offsets after it move back.
 * - Preview features the major does not know are blanked with their commas, so the validator
 *   checks the rest of the schema instead of stopping at them (Prisma stops at configuration
 *   errors: a missing back-relation would go unreported), and each is reported by the caller.
 */

export const DATASOURCE_URL_KEYS = ['url', 'directUrl', 'shadowDatabaseUrl'] as const;

export interface PreparedText {
  text: string;
  /** Insertions made, by their offset in the prepared text, for mapping offsets back. */
  insertions: { at: number; length: number }[];
  /** Preview features taken out, with their offsets in the original text. */
  removedPreviewFeatures: { name: string; start: number; end: number }[];
  /** Datasource URL properties blanked, with their offsets. */
  removedUrls: { name: string; start: number; end: number }[];
}

export interface PrepareOptions {
  blankUrls?: boolean;
  ensureUrl?: boolean;
  /** Preview features to keep; any other listed one is blanked. Undefined keeps all. */
  knownPreviewFeatures?: ReadonlySet<string>;
}

export function prepareForValidator(text: string, options: PrepareOptions): PreparedText {
  const removedPreviewFeatures: PreparedText['removedPreviewFeatures'] = [];
  let out = text;
  if (options.knownPreviewFeatures) out = blankPreviewFeatures(out, options.knownPreviewFeatures, removedPreviewFeatures);
  const removedUrls: PreparedText['removedUrls'] = [];
  if (options.blankUrls) out = blankDatasourceUrls(out, removedUrls);
  const insertions: PreparedText['insertions'] = [];
  if (options.ensureUrl) {
    const ensured = ensureDatasourceUrl(out);
    out = ensured.text;
    if (ensured.insertion) insertions.push(ensured.insertion);
  }
  return { text: out, insertions, removedPreviewFeatures, removedUrls };
}

/** An offset in the prepared text as an offset in the original one. */
export function originalOffset(prepared: Pick<PreparedText, 'insertions'>, offset: number): number {
  let shift = 0;
  for (const insertion of prepared.insertions) {
    if (offset >= insertion.at + insertion.length) shift += insertion.length;
    else if (offset > insertion.at) return insertion.at - shift;
  }
  return offset - shift;
}

const DATASOURCE_BLOCK = /^[ \t]*datasource[ \t]+\w+[ \t]*\{[^}]*\}/gm;
const URL_LINE = new RegExp(`^([ \\t]*)(${DATASOURCE_URL_KEYS.join('|')})\\b[^\\n]*`, 'gm');

/**
 * Replaces datasource URL properties with spaces, keeping every offset and line intact. A block
 * ends at the first line that starts with `}`, found by one forward scan: linear even when a
 * block is never closed or the text holds thousands of `datasource x {` (a `[^}]*` pattern
 * rescans to the end of the text for each of them).
 */
export function blankDatasourceUrls(text: string, removed: PreparedText['removedUrls'] = []): string {
  const opening = /^[ \t]*datasource[ \t]+\w+[ \t]*\{/gm;
  let out = '';
  let copied = 0;
  for (let m = opening.exec(text); m; m = opening.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const close = closingLine(text, bodyStart);
    if (close === -1) break;
    const body = text.slice(bodyStart, close).replace(URL_LINE, (line: string, indent: string, key: string, lineAt: number) => {
      removed.push({ name: key, start: bodyStart + lineAt + indent.length, end: bodyStart + lineAt + line.length });
      return ' '.repeat(line.length);
    });
    out += text.slice(copied, bodyStart) + body;
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

/** Inserts `url = env("DATABASE_URL")` before the end of a datasource block that has none. */
function ensureDatasourceUrl(text: string): { text: string; insertion?: { at: number; length: number } } {
  DATASOURCE_BLOCK.lastIndex = 0;
  const match = DATASOURCE_BLOCK.exec(text);
  if (!match) return { text };
  if (/^[ \t]*url\b/m.test(match[0])) return { text };
  const at = match.index + match[0].length - 1;
  const inserted = '\n  url = env("DATABASE_URL")\n';
  return { text: text.slice(0, at) + inserted + text.slice(at), insertion: { at, length: inserted.length } };
}

const PREVIEW_FEATURES = /^[ \t]*previewFeatures[ \t]*=[ \t]*\[/gm;

/**
 * Blanks the unknown entries of every `previewFeatures = [...]` list, and the commas that would
 * be left dangling: a comma stays only between two kept entries. Lines and offsets are kept.
 */
function blankPreviewFeatures(text: string, known: ReadonlySet<string>, removed: PreparedText['removedPreviewFeatures']): string {
  let chars: string[] | undefined;
  PREVIEW_FEATURES.lastIndex = 0;
  for (let m = PREVIEW_FEATURES.exec(text); m; m = PREVIEW_FEATURES.exec(text)) {
    const items: { start: number; end: number; name: string }[] = [];
    const commas: number[] = [];
    let i = m.index + m[0].length;
    for (; i < text.length && text[i] !== ']'; i++) {
      const c = text[i];
      if (c === ',') commas.push(i);
      else if (c === '"') {
        const start = i;
        for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
        items.push({ start, end: i + 1, name: text.slice(start + 1, i) });
      } else if (c === '/' && text[i + 1] === '/') {
        while (i < text.length && text[i] !== '\n') i++;
      }
    }
    if (i >= text.length) break;
    const drop = items.filter((item) => !known.has(item.name));
    if (drop.length === 0) continue;
    chars ??= text.split('');
    for (const item of drop) {
      removed.push(item);
      for (let k = item.start; k < item.end; k++) chars[k] = ' ';
    }
    const kept = items.filter((item) => known.has(item.name));
    for (const comma of commas) {
      const before = kept.findLast((item) => item.end <= comma);
      const after = kept.find((item) => item.start > comma);
      const first = before && !commas.some((other) => other < comma && other >= before.end && chars![other] === ',');
      if (!before || !after || !first) chars[comma] = ' ';
    }
    PREVIEW_FEATURES.lastIndex = i;
  }
  return chars ? chars.join('') : text;
}
