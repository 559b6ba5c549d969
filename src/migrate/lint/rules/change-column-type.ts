import type { MigrationRule, RuleHit } from '../rule.js';
import { identifierAfter, unquote } from '../statements.js';

const TYPE_CHANGE = /ALTER COLUMN\s+("(?:[^"]|"")+"|[\w$]+)\s+(?:SET DATA )?TYPE\s+((?:[^,(]|\([^)]*\))+?)(\s+USING|,|$)/gi;

export const changeColumnType: MigrationRule<'change-column-type'> = {
  code: 'change-column-type',
  severity: 'error',
  reason:
    'Changing a column type rewrites the table under ACCESS EXCLUSIVE (no reads or writes until it ends), and a narrower type fails on (or truncates) values that do not fit.',
  recipe:
    'Add a new column of the new type, backfill it in batches, switch the code over, then drop the old column: /// @steward.transition(from: "old_column") on the new field and steward migrate create --expand-contract write these phases.',
  providers: ['postgresql'],
  readsBefore: ({ statements }) => statements.some((statement) => /ALTER COLUMN\s+\S+\s+(?:SET DATA )?TYPE/i.test(statement.text)),
  check({ statements, before }) {
    // Prisma's enum value removal moves columns onto "<Enum>_new": that is remove-enum-value's finding.
    const swappedEnums = new Set(statements.map((s) => /^CREATE TYPE ("[^"]+_new") AS ENUM/i.exec(s.text)?.[1]).filter((name): name is string => !!name));
    const hits: RuleHit[] = [];
    for (const statement of statements) {
      if (!/^ALTER TABLE/i.test(statement.text)) continue;
      const table = identifierAfter(statement.text, 'ALTER TABLE');
      for (const match of statement.text.matchAll(TYPE_CHANGE)) {
        const column = unquote(match[1]);
        const type = match[2].trim().replace(/\[\]$/, '');
        if (swappedEnums.has(type)) continue;
        const old = before?.tables.find((t) => t.name === table)?.columns.find((c) => c.name === column)?.type;
        if (old !== undefined && !/USING/i.test(match[3]) && widensInPlace(old, match[2].trim())) continue;
        hits.push({
          line: statement.line,
          table,
          column,
          message: `changes the type of "${table}"."${column}"${old ? ` from ${old}` : ''} to ${match[2].trim()}`,
        });
      }
    }
    return hits;
  },
};

interface ParsedType {
  base: string;
  args: number[];
}

const ALIASES: Record<string, string> = {
  'character varying': 'varchar',
  decimal: 'numeric',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
};

function parseType(type: string): ParsedType {
  const match = /^(.*?)\s*(?:\(([\d,\s]+)\))?(\s+with(?:out)? time zone)?$/i.exec(type.trim().toLowerCase())!;
  const base = `${match[1]}${match[3] ?? ''}`.replace(/\s+/g, ' ');
  return { base: ALIASES[base] ?? base, args: match[2] ? match[2].split(',').map((n) => Number(n.trim())) : [] };
}

/**
 * The type changes PostgreSQL makes without rewriting the table (release notes 9.2, ALTER TABLE
 * docs: binary-coercible changes): varchar to a longer varchar or to text, numeric to a higher
 * precision with the same scale or to unconstrained numeric, timestamp/time to a higher precision.
 */
export function widensInPlace(from: string, to: string): boolean {
  const a = parseType(from);
  const b = parseType(to);
  if (a.base === 'varchar' && (b.base === 'text' || (b.base === 'varchar' && (b.args.length === 0 || (a.args.length > 0 && b.args[0] >= a.args[0])))))
    return true;
  if (a.base === 'numeric' && b.base === 'numeric') {
    if (b.args.length === 0) return true;
    return a.args.length > 0 && b.args[0] >= a.args[0] && (b.args[1] ?? 0) === (a.args[1] ?? 0);
  }
  if (['timestamp', 'timestamptz', 'time'].includes(a.base) && b.base === a.base) return b.args.length === 0 || (a.args.length > 0 && b.args[0] >= a.args[0]);
  return false;
}
