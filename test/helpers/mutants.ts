import type { SourceFile } from '../../src/schema/model.js';
import { type CorpusEntry, corpusEntries } from './corpus.js';

/**
 * Seeded mutants of the corpus schemas, for the fuzz test and the parser's differential test
 * against Prisma: byte and token mutations (characters that matter to the grammar deleted,
 * duplicated or inserted, lines swapped or dropped, truncation), the line endings and
 * whitespace other editors write (CR, CRLF, NBSP, tabs), Unicode identifiers, spaces inside
 * attributes, and environment annotations a user could get wrong.
 */
export interface Mutant {
  /** `<corpus entry>#<n>: <mutations>` */
  name: string;
  files: SourceFile[];
}

/** mulberry32: small, fast and good enough to pick positions; the same seed gives the same mutants. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GRAMMAR_CHARS = ['{', '}', '[', ']', '(', ')', '@', '"', '\n', ',', ':', '=', '.', '?', '/', ' ', '\\'];
const ANNOTATIONS = [
  '/// @steward.exclude(dev)',
  '/// @steward.only(production)',
  '/// @steward.exclude(dev) @unique',
  '/// @steward.override(dev) String',
  '/// @steward.override(dev) Json @default("[]")',
  '/// @steward.override(dev) String @@@',
  '/// @steward.exclude(nowhere)',
  '/// @steward.renamedFrom("old")',
  '/// @steward.only()',
];

type Mutation = (text: string, rnd: () => number) => { text: string; what: string };

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const at = (rnd: () => number, text: string) => Math.floor(rnd() * (text.length + 1));

const MUTATIONS: Mutation[] = [
  (t, r) => {
    const i = at(r, t);
    return { text: t.slice(0, i) + t.slice(i + 1), what: `delete char ${i}` };
  },
  (t, r) => {
    const i = at(r, t);
    const n = 1 + Math.floor(r() * 12);
    return { text: t.slice(0, i + n) + t.slice(i, i + n) + t.slice(i + n), what: `duplicate ${n} at ${i}` };
  },
  (t, r) => {
    const i = at(r, t);
    const c = pick(r, GRAMMAR_CHARS);
    return { text: t.slice(0, i) + c + t.slice(i), what: `insert ${JSON.stringify(c)} at ${i}` };
  },
  (t, r) => {
    const lines = t.split('\n');
    const a = Math.floor(r() * lines.length);
    const b = Math.floor(r() * lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return { text: lines.join('\n'), what: `swap lines ${a + 1} and ${b + 1}` };
  },
  (t, r) => {
    const lines = t.split('\n');
    const a = Math.floor(r() * lines.length);
    lines.splice(a, 1);
    return { text: lines.join('\n'), what: `drop line ${a + 1}` };
  },
  (t, r) => {
    const i = at(r, t);
    return { text: t.slice(0, i), what: `truncate at ${i}` };
  },
  // Whitespace and line endings of other editors.
  (t) => ({ text: t.replace(/\n/g, '\r'), what: 'lone CR line endings' }),
  (t) => ({ text: t.replace(/\n/g, '\r\n'), what: 'CRLF line endings' }),
  (t, r) => {
    const spaces = [...t.matchAll(/ /g)].map((m) => m.index!);
    const i = spaces.length ? pick(r, spaces) : 0;
    const ws = pick(r, ['\u00a0', '\t', '\u2003', '\ufeff']);
    return { text: t.slice(0, i) + ws + t.slice(i + 1), what: `space at ${i} -> U+${ws.charCodeAt(0).toString(16).padStart(4, '0')}` };
  },
  (t, r) => {
    const names = [...t.matchAll(/^(\s+)([a-z][A-Za-z0-9_]*)(\s)/gm)];
    if (names.length === 0) return { text: t, what: 'no identifier' };
    const m = pick(r, names);
    const i = m.index! + m[1].length;
    const ch = pick(r, ['é', 'ü', 'ß', 'Ω', '名', '_é']);
    return { text: t.slice(0, i) + ch + t.slice(i), what: `non-ASCII identifier at ${i}` };
  },
  (t, r) => {
    const attrs = [...t.matchAll(/@@?(id|unique|default|relation|map|index)\b/g)];
    if (attrs.length === 0) return { text: t, what: 'no attribute' };
    const m = pick(r, attrs);
    const i = m.index! + m[0].length;
    const before = r() < 0.5;
    // `@ id` (a space after @) or `@default  (...)` (spaces before the arguments)
    const j = before ? m.index! + m[0].lastIndexOf('@') + 1 : i;
    return {
      text: t.slice(0, j) + '  '.slice(0, 1 + Math.floor(r() * 2)) + t.slice(j),
      what: before ? `space after @ at ${j}` : `space before arguments at ${j}`,
    };
  },
  (t, r) => {
    const members = [...t.matchAll(/^( +)[A-Za-z@]/gm)];
    if (members.length === 0) return { text: t, what: 'no member' };
    const m = pick(r, members);
    const a = pick(r, ANNOTATIONS);
    return { text: t.slice(0, m.index!) + m[1] + a + '\n' + t.slice(m.index!), what: `annotation '${a}' at ${m.index}` };
  },
];

/** One mutant of a text: one to three mutations. */
export function mutate(text: string, rnd: () => number): { text: string; what: string[] } {
  const what: string[] = [];
  let out = text;
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) {
    const m = pick(rnd, MUTATIONS)(out, rnd);
    out = m.text;
    what.push(m.what);
  }
  return { text: out, what };
}

/**
 * `count` mutants of the corpus entries no larger than `maxSize` characters in all, round robin,
 * from `seed`. A multi-file entry has one of its files mutated.
 */
export function corpusMutants(count: number, seed: number, maxSize = 40_000): Mutant[] {
  const entries: CorpusEntry[] = corpusEntries().filter((e) => e.files.reduce((n, f) => n + f.text.length, 0) <= maxSize);
  if (entries.length === 0) return [];
  const rnd = random(seed);
  const out: Mutant[] = [];
  for (let i = 0; i < count; i++) {
    const entry = entries[i % entries.length];
    const k = Math.floor(rnd() * entry.files.length);
    const { text, what } = mutate(entry.files[k].text, rnd);
    out.push({ name: `${entry.name}#${i}: ${what.join('; ')}`, files: entry.files.map((f, j) => (j === k ? { path: f.path, text } : f)) });
  }
  return out;
}
