/**
 * SCHEMA_CHANGELOG.md as a document: a preamble, an "Unreleased" section and one section per
 * released version, newest first. steward owns only the text between its markers in each
 * section; headings, notes written above or below the markers, and the preamble are kept as
 * they are, so rewriting is idempotent and hand-written notes survive.
 */
export interface ChangelogSection {
  /** The heading line without `## `. */
  heading: string;
  /** Undefined for the Unreleased section. */
  version?: string;
  /** Text between the heading and the generated block (hand-written notes). */
  before: string;
  /** The generated block's content (between the markers), or undefined when it has none. */
  generated?: string;
  /** Text after the generated block. */
  after: string;
}

export interface ChangelogDocument {
  preamble: string;
  sections: ChangelogSection[];
}

export const BEGIN_MARKER = '<!-- steward:changes -->';
export const END_MARKER = '<!-- /steward:changes -->';
export const UNRELEASED = 'Unreleased';

export const DEFAULT_PREAMBLE = [
  '# Schema changelog',
  '',
  'Changes to the master schema, per released schema version. Maintained by `steward changelog` and',
  '`steward release`: text between the `steward:changes` markers is regenerated; notes written',
  'outside the markers are kept.',
  '',
].join('\n');

const HEADING = /^## (.*)$/;

export function parseChangelog(text: string): ChangelogDocument {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const preamble: string[] = [];
  const sections: { heading: string; lines: string[] }[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const m = inFence ? null : HEADING.exec(line);
    if (m) sections.push({ heading: m[1].trim(), lines: [] });
    else if (sections.length === 0) preamble.push(line);
    else sections[sections.length - 1].lines.push(line);
  }
  return {
    preamble: preamble.join('\n'),
    sections: sections.map((s) => {
      const body = s.lines.join('\n');
      const begin = body.indexOf(BEGIN_MARKER);
      const end = begin === -1 ? -1 : body.indexOf(END_MARKER, begin);
      const version = sectionVersion(s.heading);
      if (begin === -1 || end === -1) return { heading: s.heading, version, before: body, after: '' };
      return {
        heading: s.heading,
        version,
        before: body.slice(0, begin),
        generated: body
          .slice(begin + BEGIN_MARKER.length, end)
          .replace(/^\n/, '')
          .replace(/\n$/, ''),
        after: body.slice(end + END_MARKER.length),
      };
    }),
  };
}

/** `1.2.0`, `1.2.0 - 2025-01-20`, `[1.2.0] (2025-01-20)`, `v1.1` -> the version; Unreleased -> undefined. */
export function sectionVersion(heading: string): string | undefined {
  const m = /^\[?v?(\d+\.\d+(?:\.\d+)?)\]?/.exec(heading.replace(/^schema-v/, ''));
  return m ? m[1] : undefined;
}

export function renderChangelog(doc: ChangelogDocument): string {
  const out: string[] = [doc.preamble.replace(/\n*$/, '\n')];
  for (const s of doc.sections) {
    let body: string;
    if (s.generated === undefined) body = s.before;
    else {
      const before = s.before.replace(/\n*$/, '\n') === '\n' ? '\n' : s.before.replace(/\n*$/, '\n\n');
      body = `${before}${BEGIN_MARKER}\n${s.generated}\n${END_MARKER}${s.after.replace(/\n*$/, '\n')}`;
    }
    out.push(`## ${s.heading}\n${body.replace(/\n*$/, '\n')}`);
  }
  return out.join('\n');
}

export function emptyChangelog(): ChangelogDocument {
  return parseChangelog(DEFAULT_PREAMBLE);
}

/** Replaces (or creates, at the top) the Unreleased section's generated block. */
export function withUnreleased(doc: ChangelogDocument, generated: string): ChangelogDocument {
  const sections = [...doc.sections];
  const i = sections.findIndex((s) => s.version === undefined && s.heading.toLowerCase().startsWith(UNRELEASED.toLowerCase()));
  if (i === -1) sections.unshift({ heading: UNRELEASED, before: '\n', generated, after: '' });
  else sections[i] = { ...sections[i], generated, after: sections[i].generated === undefined ? '' : sections[i].after };
  return { ...doc, sections };
}

/**
 * Turns the Unreleased section into the section of `version` (its notes move with it), with
 * `generated` as its block, and starts a fresh Unreleased section above it. When a section for
 * `version` already exists, only its generated block is replaced.
 */
export function withRelease(doc: ChangelogDocument, version: string, heading: string, generated: string, unreleased: string): ChangelogDocument {
  const sections = [...doc.sections];
  const existing = sections.findIndex((s) => s.version === version);
  const u = sections.findIndex((s) => s.version === undefined && s.heading.toLowerCase().startsWith(UNRELEASED.toLowerCase()));
  if (existing !== -1) {
    sections[existing] = { ...sections[existing], generated };
    return withUnreleased({ ...doc, sections }, unreleased);
  }
  const released: ChangelogSection = u === -1 ? { heading, version, before: '\n', generated, after: '' } : { ...sections[u], heading, version, generated };
  if (u === -1) {
    const firstVersion = sections.findIndex((s) => s.version !== undefined);
    sections.splice(firstVersion === -1 ? sections.length : firstVersion, 0, released);
  } else sections[u] = released;
  return withUnreleased({ ...doc, sections }, unreleased);
}
