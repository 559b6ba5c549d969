import type { FieldFacts } from '../claims.js';

/**
 * Facts docs state about a field besides its type, read from a notes cell, a bullet's text or
 * an attribute list: a default (`default 1000`, `` `FREE` (default) ``, `default: true`,
 * `@default(now())`), uniqueness (`unique`, `@unique`) and `@updatedAt`. The default is kept as
 * written, quotes and backticks included (a bare word in prose is no string default);
 * proposal.ts turns it into a Prisma expression for the field's type, or drops it.
 */
export function parseFieldFacts(text: string): FieldFacts | undefined {
  const facts: FieldFacts = {};
  const attribute = /@default\(((?:[^()]|\([^()]*\))*)\)/.exec(text);
  const sentence = /\bdefaults?\b(?:\s+(?:is|to|of|value))?\s*[:=]?\s*("[^"]*"|'[^']*'|`[^`]+`|[A-Za-z0-9_.-]+(?:\(\))?)/i.exec(text);
  const marked = /`([^`]+)`\s*\(default\)/i.exec(text);
  if (attribute) facts.default = attribute[1].trim();
  else if (marked) facts.default = `\`${marked[1].trim()}\``;
  else if (sentence && !/^(is|to|of|value|none|null)$/i.test(sentence[1])) facts.default = sentence[1];
  if (/@unique\b|(?<![-\w])unique\b/i.test(text) && !/\b(?:not|non)[\s-]unique\b/i.test(text)) facts.unique = true;
  if (/@updatedAt\b/.test(text)) facts.updatedAt = true;
  return Object.keys(facts).length > 0 ? facts : undefined;
}
