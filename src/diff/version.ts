import type { SchemaChange } from './codes.js';
import { changeInfo } from './codes.js';

/**
 * Schema versions: `major.minor.patch`, where tags may drop trailing parts (`v1.0` is 1.0.0).
 * The tag keeps the number of parts the project uses (`v1.0` -> `v1.1`, `schema-v1.2.3` -> `schema-v1.3.0`).
 */
export interface SchemaVersion {
  major: number;
  minor: number;
  patch: number;
  /** How many parts the written form has (2 for `1.0`, 3 for `1.0.0`). */
  parts: 2 | 3;
}

export type Bump = 'major' | 'minor' | 'patch';

const VERSION = /^(\d+)\.(\d+)(?:\.(\d+))?$/;

export function parseVersion(text: string): SchemaVersion | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? 0 : Number(m[3]), parts: m[3] === undefined ? 2 : 3 };
}

export function formatVersion(v: SchemaVersion): string {
  return v.parts === 2 && v.patch === 0 ? `${v.major}.${v.minor}` : `${v.major}.${v.minor}.${v.patch}`;
}

export function compareVersions(a: SchemaVersion, b: SchemaVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/**
 * The bump the changes call for: breaking -> major, any addition or dangerous change -> minor,
 * otherwise patch. Undefined when there is nothing to release.
 */
export function bumpFor(changes: readonly Pick<SchemaChange, 'severity' | 'code'>[]): Bump | undefined {
  if (changes.length === 0) return undefined;
  if (changes.some((c) => c.severity === 'breaking')) return 'major';
  if (changes.some((c) => c.severity === 'dangerous' || changeInfo(c.code).addition === true)) return 'minor';
  return 'patch';
}

export function bumpVersion(v: SchemaVersion, bump: Bump): SchemaVersion {
  if (bump === 'major') return { major: v.major + 1, minor: 0, patch: 0, parts: v.parts };
  if (bump === 'minor') return { major: v.major, minor: v.minor + 1, patch: 0, parts: v.parts };
  // A two-part scheme (v1.0, v1.1) has no patch level: a patch becomes a minor step.
  if (v.parts === 2) return { major: v.major, minor: v.minor + 1, patch: 0, parts: 2 };
  return { major: v.major, minor: v.minor, patch: v.patch + 1, parts: 3 };
}

/** The newest version among tags with this prefix. */
export function latestVersionTag(tags: readonly string[], prefix: string): { tag: string; version: SchemaVersion } | undefined {
  let best: { tag: string; version: SchemaVersion } | undefined;
  for (const tag of tags) {
    if (!tag.startsWith(prefix)) continue;
    const version = parseVersion(tag.slice(prefix.length));
    if (version && (!best || compareVersions(version, best.version) > 0)) best = { tag, version };
  }
  return best;
}
