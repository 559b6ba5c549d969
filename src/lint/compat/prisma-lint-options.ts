import { list, pattern, union, type OptionsSchema } from '../options.js';

/** prisma-lint's option helpers: allow lists, prefix trimming and name patterns. */

export const allowListOption = list(pattern);

export const trimPrefixOption: OptionsSchema<string | RegExp | (string | RegExp)[]> = union(pattern, list(pattern), (v) => (Array.isArray(v) ? 'b' : 'a'));

export function matchesAllowList(value: string, allowList: readonly (string | RegExp)[] | undefined): boolean {
  return allowList?.some((entry) => (entry instanceof RegExp ? entry.test(value) : value === entry)) ?? false;
}

export function trimPrefix(value: string, config: string | RegExp | (string | RegExp)[] | undefined): string {
  if (config === undefined) return value;
  for (const prefix of Array.isArray(config) ? config : [config]) {
    if (prefix === undefined) continue;
    if (prefix instanceof RegExp) {
      if (value.match(prefix)) return value.replace(prefix, '');
      continue;
    }
    if (value.startsWith(prefix)) return value.slice(prefix.length);
  }
  return value;
}

/** `"/re/"` strings and RegExps are patterns; other strings are exact names. */
export function isRegexOrRegexStr(value: unknown): boolean {
  if (value instanceof RegExp) return true;
  return typeof value === 'string' && value.startsWith('/') && value.endsWith('/');
}

/**
 * A test for names against a list of names, "/regex/" strings and RegExps, as toRegExp reads
 * them. Plain identifiers are looked up in a Set instead of being tested as `^name$`: rules
 * ask this for every field.
 */
export function nameMatcher(values: readonly (string | RegExp)[]): (name: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const v of values) {
    if (typeof v === 'string' && /^[A-Za-z0-9_]+$/.test(v)) exact.add(v);
    else patterns.push(toRegExp(v));
  }
  if (patterns.length === 0) return (name) => exact.has(name);
  return (name) => exact.has(name) || patterns.some((p) => p.test(name));
}

export function toRegExp(value: string | RegExp): RegExp {
  if (value instanceof RegExp) return value;
  if (value.startsWith('/') && value.endsWith('/')) return new RegExp(value.slice(1, -1));
  return new RegExp(`^${value}$`);
}
