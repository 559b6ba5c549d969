import type { ClaimedType } from '../claims.js';

/** Type words design docs use, and the schema types each accepts. */
const TYPE_WORDS: Record<string, string[]> = {
  string: ['String'],
  text: ['String'],
  varchar: ['String'],
  uuid: ['String'],
  cuid: ['String'],
  email: ['String'],
  url: ['String'],
  boolean: ['Boolean'],
  bool: ['Boolean'],
  int: ['Int'],
  integer: ['Int'],
  bigint: ['BigInt'],
  float: ['Float'],
  double: ['Float'],
  decimal: ['Decimal'],
  money: ['Decimal'],
  number: ['Int', 'Float', 'Decimal', 'BigInt'],
  datetime: ['DateTime'],
  timestamp: ['DateTime'],
  date: ['DateTime'],
  json: ['Json'],
  jsonb: ['Json'],
  object: ['Json'],
  bytes: ['Bytes'],
  binary: ['Bytes'],
};

/**
 * Reads a type as docs write it: `String`, `String?`, `DateTime[]`, `timestamp`,
 * `ConversationParticipant[]`, `string (optional)`. Returns undefined for text that is not a
 * type, so prose never turns into a claim.
 */
export function parseDocType(text: string): ClaimedType | undefined {
  const cleaned = text.replace(/`/g, '').trim();
  const words = cleaned.split(/[\s,;]+/).filter(Boolean);
  let optional: boolean | undefined;
  let type: ClaimedType | undefined;
  for (const word of words) {
    const lower = word.toLowerCase().replace(/[().]/g, '');
    if (lower === 'optional' || lower === 'nullable') {
      optional = true;
      continue;
    }
    if (lower === 'required' || lower === 'non-null' || lower === 'mandatory') {
      optional = false;
      continue;
    }
    if (type) continue;
    const match = /^([A-Za-z][A-Za-z0-9]*)(\[\])?(\?)?$/.exec(word.replace(/[(),]/g, ''));
    if (!match) continue;
    const [, name, list, question] = match;
    const accepts = TYPE_WORDS[name.toLowerCase()];
    if (!accepts) {
      // A PascalCase word may be a model or enum the schema lacks; keep it as written.
      if (!/^[A-Z]/.test(name)) continue;
      type = { accepts: [name], written: word, list: list !== undefined };
    } else type = { accepts, written: word, list: list !== undefined };
    if (question) optional = true;
  }
  if (!type) return undefined;
  if (optional !== undefined) type.optional = optional;
  return type;
}

/** Whether a table cell or bullet says the field is required: `yes`, `✓`, `no`, `optional`... */
export function parseRequired(cell: string): boolean | undefined {
  const v = cell.replace(/[`*_]/g, '').trim().toLowerCase();
  if (['yes', 'y', 'true', 'required', '✓', '✔', '✅', 'x'].includes(v)) return true;
  if (['no', 'n', 'false', 'optional', '-', '—', '✗', '❌'].includes(v)) return false;
  return undefined;
}
