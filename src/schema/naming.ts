import pluralize from 'pluralize';
import type { Schema } from './model.js';
import { mappedName } from './query.js';

/**
 * Steward's one naming module: word splitting and camelCase / PascalCase / snake_case
 * conversion, shared by lint rules and their fixes, the audit's matching and proposals, and
 * every suggestion that names a field, column or table. Hand-written rather than a case
 * library's because those split `userID` into `user_i_d` and `imageURLs` into `image_ur_ls`.
 */

/**
 * Word splitting for database names. Unlike a character-by-character conversion it
 * keeps acronyms and digits with their word: `userID` → `user_id`, `oauth2Token` →
 * `oauth2_token`, `HTTPServer` → `http_server`, `imageURLs` → `image_urls`. `words` lists
 * words that must stay whole (`["iOS", "OAuth2"]`).
 */
export function splitWords(name: string, words: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const part of name.split(NOT_WORD)) {
    if (part) splitPart(part, words, out);
  }
  return out;
}

function splitPart(part: string, words: readonly string[], out: string[]): void {
  let i = 0;
  let current = '';
  const push = () => {
    if (current) out.push(current);
    current = '';
  };
  const lower = words.length > 0 ? part.toLowerCase() : '';
  while (i < part.length) {
    const protectedWord = words.length > 0 ? words.find((w) => w.length > 0 && lower.startsWith(w.toLowerCase(), i)) : undefined;
    if (protectedWord && (current === '' || isBoundary(part, i))) {
      push();
      out.push(part.slice(i, i + protectedWord.length));
      i += protectedWord.length;
      continue;
    }
    const c = part[i];
    if (isUpper(c)) {
      // A run of capitals is an acronym; its last capital starts the next word when a lowercase follows
      // (HTTPServer → HTTP Server), except a plural "s" (URLs).
      let j = i;
      while (j < part.length && isUpper(part[j])) j++;
      const runLength = j - i;
      if (runLength === 1) {
        push();
        current = c;
        i++;
        continue;
      }
      const nextIsLower = j < part.length && isLower(part[j]);
      const pluralS = nextIsLower && part[j] === 's' && (j + 1 === part.length || !isLower(part[j + 1]));
      push();
      if (nextIsLower && !pluralS) {
        current = part.slice(i, j - 1);
        push();
        i = j - 1;
      } else {
        current = part.slice(i, pluralS ? j + 1 : j);
        i = pluralS ? j + 1 : j;
      }
      continue;
    }
    current += c;
    i++;
  }
  push();
}

function isBoundary(part: string, i: number): boolean {
  return i === 0 || !isLower(part[i - 1]) || isUpper(part[i]);
}

// Prisma names may hold any Unicode letter (`émail`): letters are judged by their Unicode case,
// with an ASCII fast path.
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const UPPER = /\p{Lu}/u;
const LOWER_OR_DIGIT = /[\p{Ll}\p{Lo}\p{N}]/u;

function isUpper(c: string): boolean {
  return c < '\u0080' ? c >= 'A' && c <= 'Z' : UPPER.test(c);
}

function isLower(c: string): boolean {
  return c < '\u0080' ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') : LOWER_OR_DIGIT.test(c);
}

/** Lower-case words of an identifier: `lastReadAt`, `last_read_at` and `LastReadAt` all give last, read, at. */
export function nameWords(name: string, words: readonly string[] = []): string[] {
  return splitWords(name, words).map((w) => w.toLowerCase());
}

/** `last_read_at` → `lastReadAt`, `imageURLs` → `imageUrls`, `userID` → `userId`. */
export function toCamelCase(name: string, words: readonly string[] = []): string {
  const [first = '', ...rest] = nameWords(name, words);
  return first + rest.map(capitalize).join('');
}

/** `conversation_participant` → `ConversationParticipant`, `http_server` → `HttpServer`. */
export function toPascalCase(name: string, words: readonly string[] = []): string {
  return nameWords(name, words).map(capitalize).join('');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const snakeCache = new Map<string, string>();

export function toSnakeCase(name: string, words: readonly string[] = []): string {
  if (ONE_LOWER_WORD.test(name)) return name;
  const key = words.length === 0 ? name : `${name}\u0000${words.join('\u0000')}`;
  let snake = snakeCache.get(key);
  if (snake === undefined) {
    snake = splitWords(name, words)
      .map((w) => w.toLowerCase())
      .join('_');
    if (snakeCache.size < 100_000) snakeCache.set(key, snake);
  }
  return snake;
}

export type TableNameStyle = 'plural' | 'singular' | 'unchanged';

/** The snake_case table name of a model, with its last word made plural or singular. */
const tableCache = new Map<string, string>();

export function toTableName(modelName: string, style: TableNameStyle, words: readonly string[] = []): string {
  const key = `${style}\u0000${modelName}\u0000${words.join('\u0000')}`;
  let name = tableCache.get(key);
  if (name === undefined) {
    name = tableNameOf(modelName, style, words);
    if (tableCache.size < 100_000) tableCache.set(key, name);
  }
  return name;
}

function tableNameOf(modelName: string, style: TableNameStyle, words: readonly string[]): string {
  const parts = splitWords(modelName, words).map((w) => w.toLowerCase());
  if (parts.length === 0) return modelName;
  const last = parts.length - 1;
  if (style === 'plural') parts[last] = pluralize.plural(parts[last]);
  else if (style === 'singular') parts[last] = pluralize.singular(parts[last]);
  return parts.join('_');
}

export type CaseStyle = 'camel' | 'pascal' | 'snake' | 'upper-snake';

const ONE_LOWER_WORD = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}]*$/u;
const CAMEL = /^[\p{Ll}\p{Lo}][\p{L}\p{N}]*$/u;
const PASCAL = /^\p{Lu}[\p{L}\p{N}]*$/u;
const SNAKE = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}]*(_[\p{Ll}\p{Lo}\p{N}]+)*$/u;
const UPPER_SNAKE = /^\p{Lu}[\p{Lu}\p{N}]*(_[\p{Lu}\p{N}]+)*$/u;

export function isCamelCase(name: string): boolean {
  return CAMEL.test(name);
}

export function isPascalCase(name: string): boolean {
  return PASCAL.test(name);
}

/** The style a name is written in, when it is unambiguous. */
export function caseStyleOf(name: string): CaseStyle | undefined {
  if (UPPER_SNAKE.test(name)) return name.length > 1 && !/[0-9]/.test(name[1]) ? 'upper-snake' : undefined;
  if (ONE_LOWER_WORD.test(name)) return undefined; // one lowercase word: camel and snake at once
  if (SNAKE.test(name)) return 'snake';
  if (isCamelCase(name)) return 'camel';
  if (isPascalCase(name)) return 'pascal';
  return undefined;
}

export function matchesCaseStyle(name: string, style: CaseStyle): boolean {
  switch (style) {
    case 'camel':
      return isCamelCase(name);
    case 'pascal':
      return isPascalCase(name) && (name.length === 1 || /[\p{Ll}\p{Lo}]/u.test(name));
    case 'snake':
      return SNAKE.test(name);
    case 'upper-snake':
      return UPPER_SNAKE.test(name);
  }
}

/** How the schema names fields: camelCase, and whether multi-word fields are `@map`ped to snake_case columns. */
export interface NamingConvention {
  mapsToSnakeCase: boolean;
}

export function schemaNamingConvention(schema: Schema): NamingConvention {
  let mapped = 0;
  let multiWord = 0;
  for (const model of schema.models) {
    for (const field of model.fields) {
      if (!isCamelCase(field.name) || nameWords(field.name).length < 2) continue;
      if (
        field.attributes.some((a) => a.name === 'relation') ||
        (/^[A-Z]/.test(field.type.name) && !['String', 'Int', 'Boolean', 'DateTime', 'Float', 'Decimal', 'Json', 'BigInt', 'Bytes'].includes(field.type.name))
      )
        continue;
      multiWord++;
      if (mappedName(field) === toSnakeCase(field.name)) mapped++;
    }
  }
  return { mapsToSnakeCase: multiWord > 0 && mapped * 2 >= multiWord };
}
